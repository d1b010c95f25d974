package org.mpionspark.bridge.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The kernel's list of online processors, as {@code /sys/devices/system/cpu/online} writes it. */
class KernelTest {

    @Test
    void countsTheProcessorsOfAKernelList() {
        assertEquals(2, Kernel.online("0-1"));
        assertEquals(1, Kernel.online("0"));
        assertEquals(8, Kernel.online("0-3,8-11"));
        assertEquals(5, Kernel.online("0,2,4-6"));
    }

    @Test
    void whatIsNotAListIsUnknown() {
        assertEquals(0, Kernel.online(""));
        assertEquals(0, Kernel.online("zero-one"));
    }

    @Test
    void thisMachineIsKnownOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertEquals(36, Kernel.bootId().length(), Kernel.bootId());
            assertTrue(Kernel.onlineProcessors() >= Runtime.getRuntime().availableProcessors());
        }
    }
}
