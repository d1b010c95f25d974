package org.mpionspark.bridge.rendezvous;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine this JVM runs on, as its kernel tells it: every container and network namespace of
 * one machine shares its boot id and its processors, whatever address and processor count each
 * JVM is given. The peer table carries both, so ranks can tell when JVMs that look apart share cores.
 */
final class Kernel {

    private static final String BOOT_ID = read(Path.of("/proc/sys/kernel/random/boot_id"));
    private static final int ONLINE = online(read(Path.of("/sys/devices/system/cpu/online")));

    private Kernel() {
    }

    /** The kernel's boot id; "" where it cannot be read (not Linux): the machine is then told by host. */
    static String bootId() {
        return BOOT_ID;
    }

    /** The processors the kernel has online (not the share a container is limited to); 0 if unknown. */
    static int onlineProcessors() {
        return ONLINE;
    }

    /** How many processors a kernel list such as {@code 0-3,8-11} names; 0 if it is not one. */
    static int online(String list) {
        if (list.isEmpty()) {
            return 0;
        }
        int n = 0;
        try {
            for (String range : list.split(",")) {
                int dash = range.indexOf('-');
                n += dash < 0 ? 1 : Integer.parseInt(range.substring(dash + 1)) - Integer.parseInt(range.substring(0, dash)) + 1;
            }
        } catch (NumberFormatException e) {
            return 0;
        }
        return n;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
