package org.mpionspark.bridge.loader;

import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the socket calls of MPJ Express's {@code niodev} that open, take and make its data
 * connections, and the one that tells its two listeners apart, into calls of {@link org.mpionspark.bridge.dataport.DataPorts}, which admits only
 * the world's endpoints. Applied once per JVM as the class files are read; MPJ's own logic is
 * untouched: each call keeps its arguments and result, the receiver becoming the first argument.
 */
final class NiodevPatch {

    private static final String DATA_PORTS = "org/mpionspark/bridge/dataport/DataPorts";

    /** Call (owner.name+descriptor) to the {@code DataPorts} method standing for it, by class patched. */
    private static final Map<String, Map<String, String>> REDIRECTS = Map.of(
            "xdev/niodev/NIODevice.class", Map.of(
                    "java/net/ServerSocket.bind(Ljava/net/SocketAddress;)V", "bind",
                    "java/nio/channels/ServerSocketChannel.accept()Ljava/nio/channels/SocketChannel;", "accept",
                    "java/nio/channels/SocketChannel.connect(Ljava/net/SocketAddress;)Z", "connect"),
            "xdev/niodev/NIODevice$2.class", Map.of(
                    "java/nio/channels/SelectionKey.isAcceptable()Z", "acceptable",
                    "java/net/ServerSocket.getLocalPort()I", "localPort"));

    /** How many calls MPJ Express 0.44 makes of each, by class: any other count means another niodev. */
    private static final Map<String, Integer> EXPECTED = Map.of(
            "xdev/niodev/NIODevice.class", 4, "xdev/niodev/NIODevice$2.class", 2);

    private NiodevPatch() {
    }

    /** {@code bytes}, the class file {@code resource}, with its data-port calls redirected where it has any. */
    static byte[] apply(String resource, byte[] bytes) {
        Map<String, String> redirects = REDIRECTS.get(resource);
        if (redirects == null) {
            return bytes;
        }
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0); // same stack shapes and frames: nothing to recompute
        int[] rewritten = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        String to = opcode == Opcodes.INVOKEVIRTUAL ? redirects.get(owner + "." + method + desc) : null;
                        if (to == null) {
                            super.visitMethodInsn(opcode, owner, method, desc, itf);
                            return;
                        }
                        rewritten[0]++;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, DATA_PORTS, to, "(L" + owner + ";" + desc.substring(1),
                                false);
                    }
                };
            }
        }, 0);
        if (rewritten[0] != EXPECTED.get(resource)) {
            throw new IllegalStateException("MPJ Express's " + resource + " makes " + rewritten[0] + " of the socket calls "
                    + "its data ports are guarded at, where MPJ Express 0.44 makes " + EXPECTED.get(resource)
                    + ": is this another version of MPJ Express?");
        }
        return writer.toByteArray();
    }
}
