package org.pressdesk.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A three-node MariaDB Galera cluster on loopback, from Debian's {@code mariadb-server},
 * {@code galera-4} and {@code rsync}: the first node is bootstrapped and given the
 * service's database and account; the other two join it with an empty data directory and
 * receive its state by rsync (used by GaleraClusterTests and the WriteBenchmark). The
 * nodes run as Debian's {@code mysql} user: run by root, the SST's rsync daemon would
 * drop to {@code nobody}, who may not write the data.
 */
public final class GaleraCluster implements AutoCloseable {

	static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

	static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");

	public static final String USER = "pressdesk";

	public static final String PASSWORD = "galera test password";

	private final Path directory;

	private final int[] ports;

	private final int[] groupPorts;

	private final int[] transferPorts;

	private final Process[] nodes = new Process[3];

	/**
	 * A directory of its own under the system's temporary directory, open to the
	 * {@code mysql} user the nodes run as (a checkout may sit in a directory only root
	 * may enter).
	 */
	public static Path directory() throws IOException {
		Path directory = Path.of(System.getProperty("java.io.tmpdir"), "pressdesk-galera-" + UUID.randomUUID());
		Files.createDirectories(directory);
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		return directory;
	}

	public static boolean installed() {
		return Files.isExecutable(MARIADBD) && Files.exists(PROVIDER);
	}

	public GaleraCluster(Path directory) throws IOException {
		this.directory = directory;
		int[] free = FreePort.pick(12);
		this.ports = Arrays.copyOfRange(free, 0, 3);
		this.groupPorts = Arrays.copyOfRange(free, 3, 6);
		this.transferPorts = Arrays.copyOfRange(free, 6, 12);
	}

	public void start() throws Exception {
		for (int i = 0; i < 3; i++) {
			Files.createDirectories(node(i).resolve("data"));
			Files.writeString(node(i).resolve("my.cnf"), config(i));
		}
		run("chown", "-R", "mysql:mysql", directory.toString());
		run("mariadb-install-db", "--defaults-file=" + node(0).resolve("my.cnf"), "--user=mysql",
				"--auth-root-authentication-method=normal");
		nodes[0] = launch(0, "--wsrep-new-cluster");
		awaitUp(0);
		try (Connection root = DriverManager.getConnection(
				"jdbc:mysql://127.0.0.1:" + ports[0] + "/?user=root&password=&allowPublicKeyRetrieval=true")) {
			root.createStatement().execute("create database pressdesk");
			root.createStatement().execute("create user '" + USER + "'@'127.0.0.1' identified by '" + PASSWORD + "'");
			root.createStatement().execute("grant all on pressdesk.* to '" + USER + "'@'127.0.0.1'");
		}
		// one joiner at a time: each takes the first node's state while it is a donor
		for (int i = 1; i < 3; i++) {
			nodes[i] = launch(i);
			awaitUp(i);
			awaitSynced(i);
		}
		awaitSynced(0);
	}

	/** Connector/J's address of all three, the first one first (failover, writable). */
	public String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2]
				+ "/pressdesk?failOverReadOnly=false&connectTimeout=2000";
	}

	/** One node only, as a service that writes to another node than its peers. */
	String jdbcUrl(int node) {
		return "jdbc:mysql://127.0.0.1:" + ports[node] + "/pressdesk?connectTimeout=2000";
	}

	/** A connection to one node. */
	Connection connect(int node) throws SQLException {
		return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + ports[node] + "/pressdesk", USER, PASSWORD);
	}

	/** kill -9, as a crashed machine. */
	void kill(int node) throws InterruptedException {
		nodes[node].destroyForcibly();
		nodes[node].waitFor(30, TimeUnit.SECONDS);
	}

	/** Waits until the node has the cluster's state and takes writes. */
	private void awaitSynced(int node) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (!"Synced".equals(status(node, "wsrep_local_state_comment"))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"node " + (node + 1) + " is not synced: " + status(node, "wsrep_local_state_comment"));
			}
			Thread.sleep(200);
		}
	}

	private String status(int node, String name) throws SQLException {
		try (Connection connection = DriverManager
			.getConnection("jdbc:mysql://127.0.0.1:" + ports[node] + "/?user=root&password=&connectTimeout=1000");
				ResultSet row = connection.createStatement().executeQuery("show status like '" + name + "'")) {
			return row.next() ? row.getString(2) : null;
		}
	}

	int clusterSize(int node) throws SQLException {
		try (Connection connection = connect(node);
				ResultSet size = connection.createStatement().executeQuery("show status like 'wsrep_cluster_size'")) {
			return size.next() ? size.getInt(2) : 0;
		}
	}

	@Override
	public void close() throws Exception {
		for (Process node : nodes) {
			if (node != null && node.isAlive()) {
				node.destroyForcibly();
				node.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	private String config(int i) {
		StringBuilder cluster = new StringBuilder();
		for (int port : groupPorts) {
			cluster.append(cluster.isEmpty() ? "" : ",").append("127.0.0.1:").append(port);
		}
		Path node = node(i).toAbsolutePath();
		return """
				[mysqld]
				datadir=%1$s/data
				socket=%1$s/mysql.sock
				pid-file=%1$s/mariadbd.pid
				log-error=%1$s/error.log
				port=%2$d
				bind-address=127.0.0.1
				user=mysql
				binlog_format=ROW
				default_storage_engine=InnoDB
				innodb_autoinc_lock_mode=2
				innodb_buffer_pool_size=64M
				character-set-server=utf8mb4
				collation-server=utf8mb4_unicode_ci
				wsrep_on=ON
				wsrep_provider=%3$s
				wsrep_cluster_name=pressdesk-test
				wsrep_cluster_address=gcomm://%4$s
				wsrep_node_address=127.0.0.1:%5$d
				wsrep_node_name=node%6$d
				wsrep_provider_options=gmcast.listen_addr=tcp://127.0.0.1:%5$d;ist.recv_addr=127.0.0.1:%7$d;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S
				wsrep_sst_method=rsync
				wsrep_sst_receive_address=127.0.0.1:%8$d
				"""
			.formatted(node, ports[i], PROVIDER, cluster, groupPorts[i], i + 1, transferPorts[2 * i],
					transferPorts[2 * i + 1]);
	}

	private Path node(int i) {
		return directory.resolve("node" + (i + 1));
	}

	private Process launch(int i, String... more) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(MARIADBD.toString(), "--defaults-file=" + node(i).toAbsolutePath().resolve("my.cnf")));
		command.addAll(List.of(more));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(node(i).resolve("out.log").toFile())
			.start();
	}

	private void awaitUp(int i) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			if (!nodes[i].isAlive()) {
				throw new IllegalStateException(
						"node " + (i + 1) + " stopped: " + Files.readString(node(i).resolve("error.log")));
			}
			try (Connection connection = DriverManager
				.getConnection("jdbc:mysql://127.0.0.1:" + ports[i] + "/?user=root&password=&connectTimeout=1000")) {
				return;
			}
			catch (SQLException notYet) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("node " + (i + 1) + " did not start", notYet);
				}
				Thread.sleep(200);
			}
		}
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

}
