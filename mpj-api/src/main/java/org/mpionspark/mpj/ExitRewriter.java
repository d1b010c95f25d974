package org.mpionspark.mpj;

import org.apache.xbean.asm9.ClassReader;
import org.apache.xbean.asm9.ClassVisitor;
import org.apache.xbean.asm9.ClassWriter;
import org.apache.xbean.asm9.MethodVisitor;
import org.apache.xbean.asm9.Opcodes;

/**
 * Rewrites a program class's calls of {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} into {@link ProgramExit#exit}, with Spark's own shaded ASM: no security
 * manager (deprecated, and JVM-wide) is needed to keep a rank from ending the executor.
 */
final class ExitRewriter {

    private static final String EXIT = ProgramExit.class.getName().replace('.', '/');

    private ExitRewriter() {
    }

    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && method.equals("exit")) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, EXIT, "exit", "(I)V", false);
                        } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                                && (method.equals("exit") || method.equals("halt"))) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, EXIT, "exit", "(Ljava/lang/Runtime;I)V", false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, itf);
                        }
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }
}
