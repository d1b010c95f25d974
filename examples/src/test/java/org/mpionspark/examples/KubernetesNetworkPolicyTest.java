package org.mpionspark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code build-support/k8s-networkpolicy.sh}, the README's NetworkPolicies for Kubernetes, read
 * back as YAML: executors admit the application's pods on MPJ Express's range and the block
 * manager, the driver admits executors on its ports and the range its port-0 servers bind in.
 */
@Timeout(60)
class KubernetesNetworkPolicyTest {

    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("build-support/k8s-networkpolicy.sh");

    record Rendered(int exitCode, String stdout, String stderr) {
    }

    @Test
    void executorsAndDriverAdmitExactlyTheRanksPortsFromTheApplicationsPods() throws Exception {
        Rendered r = render(Map.of("K8S_NAMESPACE", "mpi", "APP", "mpi-pi"));
        assertEquals(0, r.exitCode(), r.stderr());
        List<Map<String, Object>> policies = policies(r.stdout());
        assertEquals(2, policies.size(), r.stdout());

        Map<String, Object> executors = policies.get(0);
        assertEquals(Map.of("name", "mpi-pi-executors", "namespace", "mpi"), executors.get("metadata"));
        assertEquals(Map.of("mpi-app", "mpi-pi", "spark-role", "executor"), selected(executors));
        assertEquals(Map.of("mpi-app", "mpi-pi"), admitted(executors)); // the driver and every executor
        assertEquals(List.of(Map.of("protocol", "TCP", "port", 25000, "endPort", 40000),
                Map.of("protocol", "TCP", "port", 7079)), ports(executors));

        Map<String, Object> driver = policies.get(1);
        assertEquals(Map.of("mpi-app", "mpi-pi", "spark-role", "driver"), selected(driver));
        assertEquals(Map.of("mpi-app", "mpi-pi", "spark-role", "executor"), admitted(driver));
        assertEquals(List.of(Map.of("protocol", "TCP", "port", 7078), Map.of("protocol", "TCP", "port", 7079),
                Map.of("protocol", "TCP", "port", 32768, "endPort", 60999)), ports(driver));
    }

    /**
     * The driver's rendezvous and session servers bind port 0: the kernel's ephemeral range, which
     * the default covers on this Linux as in a pod (each has its own net.ipv4.ip_local_port_range).
     */
    @Test
    void aPortZeroServerLandsInTheDriversRange() throws Exception {
        Map<String, Object> range = ports(policies(render(Map.of()).stdout()).get(1)).get(2);
        Path kernel = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (Files.isReadable(kernel)) {
            String[] lohi = Files.readAllLines(kernel).get(0).trim().split("\\s+");
            assertEquals(List.of(Integer.parseInt(lohi[0]), Integer.parseInt(lohi[1])),
                    List.of(range.get("port"), range.get("endPort")), "this kernel's ephemeral range");
        }
        try (ServerSocket s = new ServerSocket(0)) {
            assertTrue(s.getLocalPort() >= (int) range.get("port") && s.getLocalPort() <= (int) range.get("endPort"),
                    s.getLocalPort() + " outside " + range);
        }
    }

    @Test
    void settingsChangeThePortsAndBadOnesAreRefused() throws Exception {
        Map<String, Object> driver = policies(render(Map.of("DRIVER_PORT", "7100", "BLOCK_MANAGER_PORT", "7101",
                "EPHEMERAL_PORTS", "40001-50000")).stdout()).get(1);
        assertEquals(List.of(Map.of("protocol", "TCP", "port", 7100), Map.of("protocol", "TCP", "port", 7101),
                Map.of("protocol", "TCP", "port", 40001, "endPort", 50000)), ports(driver));
        Rendered bad = render(Map.of("MPJ_PORTS", "40000-25000"));
        assertEquals(2, bad.exitCode());
        assertEquals("k8s-networkpolicy.sh: MPJ_PORTS must be LO-HI within 1-65535, not '40000-25000'",
                bad.stderr().strip());
        Rendered badPort = render(Map.of("DRIVER_PORT", "70000"));
        assertEquals(2, badPort.exitCode());
        assertTrue(badPort.stderr().contains("DRIVER_PORT must be a port in 1-65535, not '70000'"), badPort.stderr());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> policies(String yaml) {
        List<Map<String, Object>> all = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(d -> all.add((Map<String, Object>) d));
        all.forEach(p -> assertEquals("NetworkPolicy", p.get("kind")));
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> policy) {
        Map<String, Object> spec = (Map<String, Object>) policy.get("spec");
        assertEquals(List.of("Ingress"), spec.get("policyTypes"));
        assertEquals(1, ((List<?>) spec.get("ingress")).size());
        return spec;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> selected(Map<String, Object> policy) {
        return ((Map<String, Map<String, Object>>) spec(policy).get("podSelector")).get("matchLabels");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(Map<String, Object> policy) {
        return ((List<Map<String, Object>>) spec(policy).get("ingress")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> admitted(Map<String, Object> policy) {
        List<Map<String, Map<String, Map<String, Object>>>> from = (List<Map<String, Map<String, Map<String, Object>>>>)
                rule(policy).get("from");
        assertEquals(1, from.size());
        return from.get(0).get("podSelector").get("matchLabels");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> ports(Map<String, Object> policy) {
        return (List<Map<String, Object>>) rule(policy).get("ports");
    }

    private static Rendered render(Map<String, String> settings) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString());
        pb.environment().putAll(settings);
        Process run = pb.start();
        assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the script did not end");
        return new Rendered(run.exitValue(), new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
