#!/usr/bin/env python3
"""Whole-process push benchmark (issue 16 item 4). Run it through bench/push-bench.sh; see bench/README.md.

Builds the plugin of two revisions into private Maven repositories, generates fixture catalog projects, starts a
server (the local sandbox as its own process, and the real Autumn server when it is up) behind a proxy that adds a
fixed delay per request, then times whole `mvn` processes: first push, no-op push and a 10-plans-changed push, for both
builds, interleaved, several runs each. After every push it reads back what the server stores and compares the
current build's store with the baseline's. Writes bench/target/push-bench.md (and .json) and prints the table.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import store  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent.parent
FIXTURE_TEMPLATE = BENCH_DIR / "fixture"
PROXY_SCRIPT = BENCH_DIR / "lib" / "latency_proxy.py"
DEFAULT_BASELINE = "d579d55"
SANDBOX_KEY = "am_sk_test_pushbench0000000000000000000000000000000"
DEFAULT_SANDBOX_MAIN = "dev.autumncatalog.engine.sandbox.SandboxMain"
MODULE_SANDBOX_MAIN = "dev.autumncatalog.sandbox.SandboxMain"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.9.0"
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def log(message):
    print(f"[push-bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


class BenchError(Exception):
    """A failure that ends the run with a clear message (no stack trace)."""


# --------------------------------------------------------------------------------------------- child processes


def _die_with_parent():
    """In the child, before exec: own session (so its whole group can be killed) and SIGTERM when we die."""
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Children:
    """Every long-lived process this run started (servers, proxies), killed by process group id on exit."""

    def __init__(self):
        self.processes = []

    def start(self, command, log_file, env=None, cwd=None):
        out = open(log_file, "ab")
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=env, cwd=cwd, preexec_fn=_die_with_parent)
        out.close()
        self.processes.append(process)
        return process

    def stop(self, process, grace=10.0):
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait(grace)
        if process in self.processes:
            self.processes.remove(process)

    def stop_all(self):
        for process in list(self.processes):
            self.stop(process)


CHILDREN = Children()


class Timed:
    """Exit code, wall and CPU seconds of one process, and when it started and ended (epoch seconds)."""

    def __init__(self, code, wall, cpu, started_at, ended_at):
        self.code, self.wall, self.cpu, self.started_at, self.ended_at = code, wall, cpu, started_at, ended_at


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(command, cwd, env, timeout, log_file):
    """Runs command to completion in its own process group; kills it at timeout.

    CPU is user + system time of the process (mvnw execs Maven's JVM, so that is the JVM's), read from the rusage of
    reaped children: the servers we keep running are not reaped until the end and do not count.
    """
    with open(log_file, "wb") as out:
        cpu_before = children_cpu()
        started_at = time.time()
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)
        try:
            code = process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise BenchError(f"timed out after {timeout:.0f} s: {' '.join(command)} (log: {log_file})")
        except BaseException:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
            raise
        wall = time.perf_counter() - start
        return Timed(code, wall, children_cpu() - cpu_before, started_at, time.time())


def tail(path, lines=25):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def require_free_port(port, what, option):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError as e:
            raise BenchError(f"port {port} on 127.0.0.1 (for {what}) is taken ({e.strerror}); stop what holds it "
                             f"or choose another with {option}")


def wait_for_port(port, process, timeout, what, log_file):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"{what} exited with {process.returncode} before listening on {port}:\n"
                             f"{tail(log_file)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise BenchError(f"{what} did not listen on 127.0.0.1:{port} within {timeout:.0f} s (log: {log_file})")


# --------------------------------------------------------------------------------------------- builds


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def pom_coordinates(pom):
    root = ET.parse(pom).getroot()

    def text(path):
        node = root.find(path, POM_NS)
        return node.text.strip() if node is not None and node.text else None

    group = text("m:groupId") or text("m:parent/m:groupId")
    version = text("m:version") or text("m:parent/m:version")
    if not group or not version:
        raise BenchError(f"cannot read groupId/version from {pom}")
    return group, version


class Build:
    """One build of the project: its sources in bench/target/src/<key>, its private repository bench/target/repo/<key>.

    The key is "worktree" or "rev-<commit>", so a revision built once is reused whichever side it is measured on.
    """

    def __init__(self, label, spec, top, target):
        self.label = label
        self.spec = spec  # "worktree" or a git revision
        self.top = top
        self.target = target
        self.description = None

    def prepare(self, settings, build_args, rebuild, timeout):
        if self.spec == "worktree":
            files = [f for f in git("ls-files", "-z", "-co", "--exclude-standard", cwd=self.top).split("\0")
                     if f and not f.startswith("bench/") and (self.top / f).is_file()]
            digest = hashlib.sha256()
            for f in sorted(files):
                digest.update(f.encode() + b"\0" + (self.top / f).read_bytes() + b"\0")
            head = git("rev-parse", "--short", "HEAD", cwd=self.top).strip()
            dirty = git("status", "--porcelain", "--", ".", ":(exclude)bench", cwd=self.top).strip()
            stamp = "worktree " + digest.hexdigest()
            self.description = f"working tree at {head}" + (" with uncommitted changes" if dirty else "")
        else:
            sha = git("rev-parse", "--verify", self.spec + "^{commit}", cwd=self.top).strip()
            stamp = "commit " + sha
            subject = git("log", "-1", "--format=%s", sha, cwd=self.top).strip()
            self.description = f"{self.spec} = {sha[:10]} ({subject[:70]})"
        key = "worktree" if self.spec == "worktree" else f"rev-{sha[:12]}"
        self.src = self.target / "src" / key
        self.repo = self.target / "repo" / key
        stamp_file = self.repo / ".bench-build-stamp"
        if not rebuild and stamp_file.is_file() and stamp_file.read_text() == stamp and self.src.is_dir():
            log(f"{self.label}: {self.description}: already built (bench/target/repo/{key})")
            self.read_coordinates()
            return
        log(f"{self.label}: {self.description}: copying sources to {self.src}")
        if self.src.exists():
            shutil.rmtree(self.src)
        self.src.mkdir(parents=True)
        if self.spec == "worktree":
            for f in files:
                (self.src / f).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(self.top / f, self.src / f)
        else:
            archive = subprocess.run(["git", "archive", "--format=tar", sha], cwd=self.top, check=True,
                                     capture_output=True).stdout
            import io

            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(self.src)
        self.repo.mkdir(parents=True, exist_ok=True)
        if stamp_file.exists():
            stamp_file.unlink()
        command = [str(self.src / "mvnw"), "-B", "-q", "-s", str(settings), f"-Dmaven.repo.local={self.repo}",
                   *build_args]
        build_log = self.repo.parent / f"build-{key}.log"
        log(f"{self.label}: building: ./mvnw {' '.join(command[2:])} (log: {build_log})")
        built = run_timed(command, self.src, maven_env(), timeout, build_log)
        if built.code != 0:
            raise BenchError(f"building {self.label} failed (exit {built.code}); last lines of {build_log}:\n"
                             f"{tail(build_log, 40)}")
        log(f"{self.label}: built in {built.wall:.0f} s")
        stamp_file.write_text(stamp)
        self.read_coordinates()

    def read_coordinates(self):
        self.group, self.version = pom_coordinates(self.src / "pom.xml")


def maven_env(extra=None):
    """The environment for Maven runs: ours without MAVEN_OPTS/MAVEN_ARGS/the key, plus extra."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAVEN_OPTS", "MAVEN_ARGS", "AUTUMN_SECRET_KEY",
                                                             "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")}
    env.update(extra or {})
    return env


def write_settings(target, user_repo):
    """Private repositories fall back to the user's repository (read as a remote), then Maven Central."""
    url = Path(user_repo).resolve().as_uri()
    settings = target / "settings.xml"
    settings.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by bench/push-bench.sh: the private repositories in bench/target/repo/ resolve from the user's repository
     ({user_repo}) as if it were a remote one, so nothing is downloaded twice and nothing of this project is installed
     into it; then from Maven Central. -->
<settings>
  <profiles>
    <profile>
      <id>bench-user-repo</id>
      <repositories>
        <repository>
          <id>bench.user.repo</id>
          <url>{url}</url>
          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          <id>bench.user.repo</id>
          <url>{url}</url>
          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>bench-user-repo</activeProfile>
  </activeProfiles>
</settings>
""")
    return settings


# --------------------------------------------------------------------------------------------- fixtures


class Fixture:
    """The catalog project for one build and one size, compiled once; timed Maven runs happen in it."""

    def __init__(self, build, plans, features, target, maven_source, args, settings):
        self.build = build
        self.plans = plans
        self.dir = target / "fixtures" / build.label / f"p{plans}"
        self.settings = settings
        self.args = args
        if self.dir.exists():
            shutil.rmtree(self.dir)
        values = {
            "@GROUP_ID@": build.group,
            "@VERSION@": build.version,
            "@PLUGIN_ARTIFACT_ID@": args.plugin_artifact,
            "@DSL_ARTIFACT_ID@": args.dsl_artifact,
            "@PLANS@": str(plans),
            "@FEATURES@": str(features),
        }
        for source in FIXTURE_TEMPLATE.rglob("*"):
            if source.is_file():
                text = source.read_text()
                for name, value in values.items():
                    text = text.replace(name, value)
                destination = self.dir / source.relative_to(FIXTURE_TEMPLATE)
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_text(text)
        # The same Maven for both builds: the wrapper of the current build's sources.
        shutil.copy2(maven_source / "mvnw", self.dir / "mvnw")
        shutil.copytree(maven_source / ".mvn" / "wrapper", self.dir / ".mvn" / "wrapper")
        self.gav = f"{build.group}:{args.plugin_artifact}:{build.version}"

    def maven(self, *goals):
        command = [str(self.dir / "mvnw"), "-B", "-q"]
        if self.args.offline:
            command.append("-o")
        command += ["-s", str(self.settings), f"-Dmaven.repo.local={self.build.repo}", *goals]
        return command

    def compile(self, timeout, logs):
        log_file = logs / f"compile-{self.build.label}-p{self.plans}.log"
        # Online once: fills the private repository with what compile and push need; timed runs are offline after.
        command = [c for c in self.maven("compile") if c != "-o"]
        compiled = run_timed(command, self.dir, maven_env(), timeout, log_file)
        if compiled.code != 0:
            raise BenchError(f"compiling the fixture {self.dir} failed (exit {compiled.code}):\n"
                             f"{tail(log_file, 40)}")

    def set_jvm_config(self, text):
        config = self.dir / ".mvn" / "jvm.config"
        if text is None:
            if config.exists():
                config.unlink()
        else:
            config.write_text(text + "\n")


# --------------------------------------------------------------------------------------------- servers


class Proxy:
    def __init__(self, port, upstream, delay_ms, logs, name):
        require_free_port(port, f"the latency proxy in front of {name}", "--proxy-port")
        self.port = port
        self.log_file = logs / f"proxy-{name}.log"
        self.process = CHILDREN.start([sys.executable, str(PROXY_SCRIPT), "--listen", str(port), "--upstream",
                                       upstream, "--delay-ms", str(delay_ms)], self.log_file)
        wait_for_port(port, self.process, 20, "the latency proxy", self.log_file)
        self.url = f"http://127.0.0.1:{port}/v1"

    def control(self, route, method="GET"):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/__bench/{route}", method=method,
                                         data=b"" if method == "POST" else None)
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())

    def reset(self):
        self.control("reset", "POST")

    def counts(self):
        return self.control("counts")

    def stop(self):
        CHILDREN.stop(self.process)


class SandboxServer:
    """The local sandbox as its own JVM, restarted empty for every scenario sequence."""

    name = "sandbox"

    def __init__(self, classpath, main_class, port, logs, description, rate_limit=None):
        require_free_port(port, "the local sandbox", "--sandbox-port")
        self.rate_limit = rate_limit
        self.classpath = classpath
        self.main_class = main_class
        self.port = port
        self.logs = logs
        self.process = None
        self.description = description
        self.upstream = f"http://127.0.0.1:{port}"
        self.warmup = 50

    def fresh(self):
        """A new, empty sandbox; returns its secret key."""
        self.stop()
        require_free_port(self.port, "the local sandbox", "--sandbox-port")
        log_file = self.logs / "sandbox.log"
        java = str(Path(os.environ["JAVA_HOME"]) / "bin" / "java") if os.environ.get("JAVA_HOME") else "java"
        command = [java, "-cp", self.classpath, self.main_class, "--port", str(self.port), "--key", SANDBOX_KEY]
        if self.rate_limit:
            command += ["--rate-limit", self.rate_limit]
        self.process = CHILDREN.start(command, log_file, env=maven_env())
        wait_for_port(self.port, self.process, 60, "the local sandbox", log_file)
        # A few reads, so the first timed push does not also pay for the sandbox's class loading and first JIT work
        # (the real server is a long-running process). Reads only: the catalog stays empty.
        for _ in range(self.warmup):
            store.read(self.upstream + "/v1", SANDBOX_KEY, timeout=30)
        if self.rate_limit:
            # The warm-up's reads count against the limit's window: let it pass, so the push starts on a fresh one.
            time.sleep(window_seconds(self.rate_limit) + 0.1)
        return SANDBOX_KEY

    def stop(self):
        if self.process is not None:
            CHILDREN.stop(self.process)
            self.process = None


class RealServer:
    """The real Autumn server someone else runs on 127.0.0.1; a fresh org (empty catalog) per sequence."""

    name = "real Autumn"

    def __init__(self, url, scripts):
        self.upstream = url.rstrip("/")
        self.scripts = Path(scripts)
        self.description = f"real Autumn server at {self.upstream} (fresh org per sequence via {scripts}/new-org.sh)"

    @staticmethod
    def available(url, scripts):
        key_file = Path(scripts) / "api_key.txt"
        if not (Path(scripts) / "new-org.sh").is_file() or not key_file.is_file():
            return False, f"{scripts}/new-org.sh or api_key.txt is missing"
        request = urllib.request.Request(f"{url.rstrip('/')}/v1/plans", headers={
            "Authorization": f"Bearer {key_file.read_text().strip()}", "X-API-Version": store.API_VERSION})
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                return answer.status == 200, f"GET /v1/plans answered {answer.status}"
        except (urllib.error.URLError, OSError) as e:
            return False, f"GET {url}/v1/plans failed: {e}"

    def fresh(self):
        result = subprocess.run(["bash", str(self.scripts / "new-org.sh")], capture_output=True, text=True,
                                timeout=60)
        key = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
        if result.returncode != 0 or not key.startswith("am_sk_test_"):
            raise BenchError(f"new-org.sh failed (exit {result.returncode}): {result.stderr.strip()[-500:]}")
        return key

    def stop(self):
        pass


def window_seconds(rate_limit):
    """The window of a --rate-limit value (25/1s, 100/500ms, 2/1m; 25 alone means per second), in seconds."""
    match = re.fullmatch(r"(\d+)(?:/(\d+)(ms|s|m))?", rate_limit.strip())
    if not match:
        raise BenchError(f"--rate-limit takes requests[/window], e.g. 25/1s or 100/500ms, not {rate_limit!r}")
    if match.group(2) is None:
        return 1.0
    return int(match.group(2)) * {"ms": 0.001, "s": 1.0, "m": 60.0}[match.group(3)]


def sandbox_classpath(args, builds, target, settings, timeout, logs):
    """The class path of the reference sandbox: given, or resolved from an artifact in one build's repository."""
    if args.sandbox_classpath:
        return args.sandbox_classpath, f"{args.sandbox_main} on the given class path"
    build = builds[args.sandbox_build]
    artifact = args.sandbox_artifact or (
        f"{build.group}:{getattr(args, 'sandbox_module_artifact', None) or args.plugin_artifact}:{build.version}")
    parts = artifact.split(":")
    if len(parts) != 3:
        raise BenchError(f"--sandbox-artifact must be groupId:artifactId:version, was {artifact!r}")
    directory = target / "sandbox-classpath" / build.label
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "pom.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by bench/push-bench.sh to resolve the class path of the sandbox that both builds are measured against. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>sandbox-classpath</artifactId>
  <version>1.0</version>
  <dependencies>
    <dependency><groupId>{parts[0]}</groupId><artifactId>{parts[1]}</artifactId><version>{parts[2]}</version></dependency>
  </dependencies>
</project>
""")
    output = directory / "classpath.txt"
    log_file = logs / f"sandbox-classpath-{build.label}.log"
    command = [str(build.src / "mvnw"), "-B", "-q", "-s", str(settings), f"-Dmaven.repo.local={build.repo}",
               f"{DEPENDENCY_PLUGIN}:build-classpath", "-Dmdep.includeScope=runtime", f"-Dmdep.outputFile={output}"]
    if run_timed(command, directory, maven_env(), timeout, log_file).code != 0:
        raise BenchError(f"resolving the sandbox class path from {artifact} failed:\n{tail(log_file)}")
    return output.read_text().strip(), f"{args.sandbox_main} from {artifact} ({build.label}'s build)"


# --------------------------------------------------------------------------------------------- measurement


def load1():
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except OSError:
        return float("nan")


def loadavg_text():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


class Recorder:
    def __init__(self):
        self.rows = []  # every measurement
        self.dumps = {}  # (server, plans, run, step, build) -> normalised text
        self.failures = []

    def add(self, **row):
        self.rows.append(row)


def sequence(server, proxy, fixture, run, rec, args, logs, dumps_dir, with_floor, variant, parallelism=None):
    """One build's scenario sequence on a fresh server: first, no-op, change pushes (and their JVM-options twins).

    parallelism: -Dautumn.parallelism for every push of the sequence, or None for the plugin's default; when the run
    sweeps several values (--parallelism 1,4,8,16) each scenario's name says which.
    """
    label = fixture.build.label
    key = server.fresh()
    suffix = f", parallelism {parallelism}" if parallelism is not None and len(args.parallelisms) > 1 else ""
    tag = f"{server.name}/p{fixture.plans}/run{run}/{label}" + (f"/par{parallelism}" if suffix else "")
    wanted = args.scenario_set
    steps = [("first push", 0, None, True)]
    if "noop" in wanted:
        steps.append(("no-op push", 0, None, True))
        if variant:
            steps.append(("no-op push, JVM options", 0, variant, False))
    if "change" in wanted:
        steps.append(("10 plans changed", 1, None, True))
        if variant:
            steps.append(("10 plans changed, JVM options", 2, variant, True))
    extra = [f"-Dautumn.parallelism={parallelism}"] if parallelism is not None else []
    for scenario, reprice, jvm, dump in steps:
        scenario += suffix
        fixture.set_jvm_config(jvm.get("jvm_config") if jvm else None)
        env = maven_env({"AUTUMN_SECRET_KEY": key})
        if jvm and jvm.get("maven_opts"):
            env["MAVEN_OPTS"] = jvm["maven_opts"]
        command = fixture.maven(f"{fixture.gav}:push", f"-Dautumn.apiUrl={proxy.url}", f"-Dbench.reprice={reprice}",
                                *extra)
        log_file = logs / f"{server.name.replace(' ', '-')}-p{fixture.plans}-run{run}-{label}-{slug(scenario)}.log"
        if getattr(server, "rate_limit", None):
            # The reads of the last store dump count against the limit's window: start the push on a fresh one.
            time.sleep(window_seconds(server.rate_limit) + 0.1)
        proxy.reset()
        load = load1()
        timed = run_timed(command, fixture.dir, env, args.timeout, log_file)
        code = timed.code
        counts = proxy.counts()
        fixture.set_jvm_config(None)
        first, last = counts["first_request_at"], counts["last_answer_at"]
        rec.add(server=server.name, plans=fixture.plans, run=run, build=label, scenario=scenario, wall=timed.wall,
                cpu=timed.cpu, exit=code, requests=counts["total"], routes=counts["routes"],
                statuses=counts["statuses"], max_in_flight=counts["max_in_flight"], load1=load, log=str(log_file),
                to_first_request=None if first is None else first - timed.started_at,
                requests_phase=None if first is None else last - first,
                after_last_answer=None if last is None else timed.ended_at - last)
        log(f"{tag}: {scenario}: {timed.wall:.2f} s (CPU {timed.cpu:.2f} s), {counts['total']} requests"
            + ("" if code == 0 else f", EXIT {code}"))
        if code != 0:
            rec.failures.append(f"{tag}: {scenario} failed (exit {code}); log {log_file}:\n{tail(log_file, 15)}")
            return  # the server's state is unknown from here on: the rest of this sequence means nothing
        if dump:
            try:
                text = store.text(store.read(server.upstream + "/v1", key))
            except Exception as e:
                rec.failures.append(f"{tag}: reading the store after '{scenario}' failed: {e}")
                continue
            rec.dumps[(server.name, fixture.plans, run, scenario, label)] = text
            (dumps_dir / f"{server.name.replace(' ', '-')}-p{fixture.plans}-run{run}-{slug(scenario)}-{label}.json"
             ).write_text(text)
    if with_floor:
        floor(fixture, run, rec, args, logs, variant, server.name)


def floor(fixture, run, rec, args, logs, variant, server_name):
    """Bare `mvn -B -q validate` in the same project: what Maven costs before any plugin of ours runs."""
    for scenario, jvm in [("floor: mvn validate", None)] + ([("floor: mvn validate, JVM options", variant)]
                                                             if variant else []):
        fixture.set_jvm_config(jvm.get("jvm_config") if jvm else None)
        env = maven_env()
        if jvm and jvm.get("maven_opts"):
            env["MAVEN_OPTS"] = jvm["maven_opts"]
        log_file = logs / f"floor-p{fixture.plans}-run{run}-{fixture.build.label}-{slug(scenario)}.log"
        load = load1()
        timed = run_timed(fixture.maven("validate"), fixture.dir, env, args.timeout, log_file)
        fixture.set_jvm_config(None)
        # plans=0: the floor does not depend on the catalog (validate loads no plugin of ours), one row for all sizes.
        rec.add(server="none", plans=0, run=run, build=fixture.build.label, scenario=scenario,
                wall=timed.wall, cpu=timed.cpu, exit=timed.code, requests=0, routes={}, statuses={}, max_in_flight=0,
                load1=load, log=str(log_file), to_first_request=None, requests_phase=None, after_last_answer=None)
        if timed.code != 0:
            rec.failures.append(f"{scenario} failed (exit {timed.code}); log {log_file}:\n{tail(log_file, 15)}")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------------------------- report

SCENARIO_ORDER = ["floor: mvn validate", "floor: mvn validate, JVM options", "first push", "no-op push",
                  "no-op push, JVM options", "10 plans changed", "10 plans changed, JVM options"]


def scenario_rank(scenario):
    """Scenarios in SCENARIO_ORDER, each followed by its parallelism variants in ascending order."""
    match = re.fullmatch(r"(.*), parallelism (\d+)", scenario)
    base, parallelism = (match.group(1), int(match.group(2))) if match else (scenario, 0)
    return (SCENARIO_ORDER.index(base) if base in SCENARIO_ORDER else 99, parallelism)


def spread(values):
    if not values:
        return "–"
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def median_text(rows, field):
    values = [r[field] for r in rows if r.get(field) is not None]
    return f"{statistics.median(values):.2f}" if values else "–"


def counts_text(values):
    if not values:
        return "–"
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low}–{high}"


def rejected(row):
    """How many answers of one run were 429s."""
    return sum(n for key, n in row.get("statuses", {}).items() if key.endswith(" 429"))


def routes_text(routes):
    short = {}
    for route, n in routes.items():
        name = route.split(" ", 1)[1].rsplit("/", 1)[-1] if " " in route else route
        short[name] = short.get(name, 0) + n
    return ", ".join(f"{name} {n}" for name, n in sorted(short.items())) or "–"


def report(rec, args, builds, machine, servers, started, finished, load_start, load_end):
    lines = []
    add = lines.append
    base, cur = "baseline", "current"
    add("# Push benchmark: whole `mvn` processes through a latency proxy")
    add("")
    add(f"- Run: {started:%Y-%m-%d %H:%M} to {finished:%H:%M} ({(finished - started).total_seconds() / 60:.1f} min), "
        f"{args.runs} run(s) per scenario, builds interleaved ({base} then {cur}, run by run)")
    add(f"- Builds: **{base}** = {builds[base].description}; **{cur}** = {builds[cur].description}")
    add(f"- Proxy: {args.delay_ms:g} ms added to every request; Maven {'offline (-o)' if args.offline else 'online'}, "
        f"`-B -q`, default JVM options unless the scenario says \"JVM options\" "
        f"({variant_text(args) or 'none given'})")
    for server in servers:
        add(f"- Server **{server.name}**: {server.description}")
    add(f"- Machine: {machine['cpus']} CPUs (nproc; {machine['cpu']}), {machine['mem']}, {machine['os']}")
    add(f"- Java: {machine['java']}; Maven: {machine['maven']}")
    loads = [r["load1"] for r in rec.rows if r["load1"] == r["load1"]]
    add(f"- Load average (1/5/15 min): {load_start} at the start, {load_end} at the end; 1-min load just before each "
        f"timed process: min {min(loads):.2f}, median {statistics.median(loads):.2f}, max {max(loads):.2f}"
        if loads else f"- Load average: {load_start} at the start, {load_end} at the end")
    busy = [x for x in loads if x > machine["cpus"]]
    if busy:
        add(f"- **The machine was busy**: the 1-min load exceeded its {machine['cpus']} CPUs before {len(busy)} of "
            f"{len(loads)} timed processes. Wall times then include waiting for a CPU; compare the CPU column, and "
            "rerun on a quiet machine for figures to quote.")
    add("")
    add("Wall time of the whole `mvn` process in seconds, min / median / max over the runs, and the ratio of the "
        "medians; CPU: user + system seconds of that process, median (steadier than wall time on a shared machine); "
        "requests as the proxy counted them (one figure when every run sent the same number). \"Store\" compares "
        f"what the server holds after the push (ids and timestamps normalised) between {cur} and {base}, run by run.")
    add("")
    add(f"| server | plans | scenario | {base} wall s (min / med / max) | {cur} wall s (min / med / max) | "
        f"{cur} ÷ {base} | CPU s {base} / {cur} | requests {base} / {cur} | store |")
    add("|---|---:|---|---:|---:|---:|---:|---:|---|")
    keys = []
    for r in rec.rows:
        key = (r["server"], r["plans"], r["scenario"])
        if key not in keys:
            keys.append(key)
    server_order = ["none"] + [s.name for s in servers]
    keys.sort(key=lambda k: (server_order.index(k[0]) if k[0] in server_order else 99, k[1], scenario_rank(k[2])))
    details = []
    for server, plans, scenario in keys:
        rows = {b: [r for r in rec.rows if (r["server"], r["plans"], r["scenario"], r["build"])
                    == (server, plans, scenario, b) and r["exit"] == 0] for b in (base, cur)}
        failed = [r for r in rec.rows if (r["server"], r["plans"], r["scenario"]) == (server, plans, scenario)
                  and r["exit"] != 0]
        walls = {b: [r["wall"] for r in rows[b]] for b in rows}
        ratio = (f"{statistics.median(walls[cur]) / statistics.median(walls[base]):.2f}"
                 if walls[base] and walls[cur] else "–")
        store_text = store_verdict(rec, server, plans, scenario, args.runs)
        name = scenario + (f" ({len(failed)} failed)" if failed else "")
        add(f"| {server if server != 'none' else '–'} | {plans or '–'} | {name} | {spread(walls[base])} | "
            f"{spread(walls[cur])} | {ratio} | {median_text(rows[base], 'cpu')} / {median_text(rows[cur], 'cpu')} | "
            f"{counts_text([r['requests'] for r in rows[base]])} / {counts_text([r['requests'] for r in rows[cur]])}"
            f" | {store_text} |")
        if server != "none":
            for b in (base, cur):
                first = rows[b][0] if rows[b] else None
                details.append(
                    f"| {server} | {plans} | {scenario} | {b} | {median_text(rows[b], 'to_first_request')} | "
                    f"{median_text(rows[b], 'requests_phase')} | {median_text(rows[b], 'after_last_answer')} | "
                    f"{routes_text(first['routes']) if first else '–'} | "
                    f"{max([r['max_in_flight'] for r in rows[b]] or [0])} | "
                    f"{counts_text([rejected(r) for r in rows[b]])} |")
    add("")
    add("Where the time goes (medians, seconds; the proxy's clock against the process's start and end): from process "
        "start to the first request the proxy received, from there to the last answer it gave, and from that answer "
        "to the process's exit. Requests per route are those of the first run; \"in flight\" is the most requests "
        "the proxy held at once; \"429s\": answers with status 429 (the server's rate limit), per run.")
    add("")
    add("| server | plans | scenario | build | start → 1st request | 1st request → last answer | last answer → exit "
        "| requests per route | in flight | 429s |")
    add("|---|---:|---|---|---:|---:|---:|---|---:|---:|")
    lines += details
    checks = issue_checks(rec, cur, servers)
    if checks:
        add("")
        add(f"Issue 16 \"done when\" figures for **{cur}** (medians, through the proxy):")
        add("")
        lines += checks
    differences = store_differences(rec, args.runs)
    add("")
    if differences:
        add(f"Store differences ({cur} against {base}, same run and step; first lines of each):")
        add("")
        add("```diff")
        lines += differences
        add("```")
    else:
        add(f"Store: after every compared push the {cur} build left the same catalog as the {base} build "
            "(ids and timestamps normalised)." if rec.dumps else "Store: nothing was compared.")
    if rec.failures:
        add("")
        add("Failures:")
        add("")
        add("```")
        lines += rec.failures
        add("```")
    return "\n".join(lines) + "\n"


def variant_text(args):
    parts = []
    if args.jvm_config_text:
        parts.append(f"`.mvn/jvm.config`: `{args.jvm_config_text}`")
    if args.maven_opts:
        parts.append(f"`MAVEN_OPTS={args.maven_opts}`")
    return ", ".join(parts)


def store_verdict(rec, server, plans, scenario, runs):
    compared, different = 0, 0
    for run in range(1, runs + 1):
        a = rec.dumps.get((server, plans, run, scenario, "baseline"))
        b = rec.dumps.get((server, plans, run, scenario, "current"))
        if a is not None and b is not None:
            compared += 1
            different += a != b
    if compared == 0:
        return "–"
    return f"same ({compared}/{compared})" if different == 0 else f"**differs** ({different}/{compared})"


def store_differences(rec, runs, limit=30):
    out = []
    for (server, plans, run, scenario, build), text in sorted(rec.dumps.items(), key=str):
        if build != "current":
            continue
        base = rec.dumps.get((server, plans, run, scenario, "baseline"))
        if base is None or base == text:
            continue
        lines = store.diff(base, text, f"baseline {server} p{plans} run {run} after {scenario}",
                           f"current  {server} p{plans} run {run} after {scenario}")
        out += lines[:limit] + ([f"… {len(lines) - limit} more diff lines"] if len(lines) > limit else [])
    return out


def issue_checks(rec, build, servers):
    out = []

    def median(server, plans, scenario):
        walls = [r["wall"] for r in rec.rows if (r["server"], r["plans"], r["scenario"], r["build"], r["exit"])
                 == (server, plans, scenario, build, 0)]
        return statistics.median(walls) if walls else None

    def requests(server, plans, scenario):
        counts = sorted({r["requests"] for r in rec.rows if (r["server"], r["plans"], r["scenario"], r["build"],
                                                             r["exit"]) == (server, plans, scenario, build, 0)})
        return "/".join(map(str, counts)) or "–"

    floor_default = median("none", 0, "floor: mvn validate")
    floor_opts = median("none", 0, "floor: mvn validate, JVM options")
    for server in servers:
        for plans in sorted({r["plans"] for r in rec.rows if r["server"] == server.name}):
            first = median(server.name, plans, "first push")
            noop = median(server.name, plans, "no-op push")
            noop_opts = median(server.name, plans, "no-op push, JVM options")
            change = median(server.name, plans, "10 plans changed")
            if first is not None and noop is not None:
                first_requests = [r["requests"] for r in rec.rows if (r["server"], r["plans"], r["scenario"],
                                  r["build"]) == (server.name, plans, "first push", build)]
                bound = max(first_requests) / 24 + noop
                out.append(f"- {server.name}, {plans} plans, first push: {first:.2f} s for "
                           f"{requests(server.name, plans, 'first push')} requests; target ≤ requests ÷ 24 + no-op = "
                           f"{bound:.2f} s: {'met' if first <= bound else 'not met'}")
            if noop is not None:
                floor_text = f" (floor `mvn validate` {floor_default:.2f} s)" if floor_default else ""
                out.append(f"- {server.name}, {plans} plans, no-op push: {noop:.2f} s, "
                           f"{requests(server.name, plans, 'no-op push')} requests; target ≤ 1.6 s and 2 requests: "
                           f"{'met' if noop <= 1.6 and requests(server.name, plans, 'no-op push') == '2' else 'not met'}"
                           f"{floor_text}")
            if noop_opts is not None:
                floor_text = f" (floor with them {floor_opts:.2f} s)" if floor_opts else ""
                out.append(f"- {server.name}, {plans} plans, no-op push with the JVM options: {noop_opts:.2f} s; "
                           f"target ≤ 1.2 s: {'met' if noop_opts <= 1.2 else 'not met'}{floor_text}")
            if change is not None:
                out.append(f"- {server.name}, {plans} plans, 10 plans changed: {change:.2f} s, "
                           f"{requests(server.name, plans, '10 plans changed')} requests; target ≤ 2.5 s: "
                           f"{'met' if change <= 2.5 else 'not met'}")
    return out


# --------------------------------------------------------------------------------------------- machine


def machine_info(fixture_dir):
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown memory"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()
    maven = subprocess.run([str(fixture_dir / "mvnw"), "-v", "-q"], capture_output=True, text=True, cwd=fixture_dir,
                           env=maven_env()).stdout.strip().splitlines()
    return {
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),  # = nproc
        "cpu": cpu,
        "mem": mem,
        "os": f"{platform.system()} {platform.release()}",
        "java": " / ".join(java[:2]) if java else "unknown",
        "maven": maven[0] if maven else "unknown",
        "maven_full": maven,
        "java_full": java,
    }


# --------------------------------------------------------------------------------------------- main


def parse_args(argv):
    p = argparse.ArgumentParser(prog="bench/push-bench.sh", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--current", default="worktree",
                   help="what to measure: 'worktree' (the working tree, uncommitted changes included; default) or "
                        "a git revision")
    p.add_argument("--baseline", default=DEFAULT_BASELINE, help=f"git revision of the baseline (default "
                                                                 f"{DEFAULT_BASELINE})")
    p.add_argument("--runs", type=int, default=3, help="runs per scenario and build (default 3)")
    p.add_argument("--plans", default="100,300", help="catalog sizes in plans, comma-separated (default 100,300)")
    p.add_argument("--features", type=int, default=30, help="features in every catalog (default 30)")
    p.add_argument("--servers", default="sandbox,real",
                   help="sandbox, real or both (default both; real only when it answers)")
    p.add_argument("--quick", action="store_true", help="1 run, 100 plans only: a few minutes")
    p.add_argument("--delay-ms", type=float, default=50.0, help="added to every request by the proxy (default 50)")
    p.add_argument("--proxy-port", type=int, default=18090)
    p.add_argument("--sandbox-port", type=int, default=18091)
    p.add_argument("--real-url", default="http://127.0.0.1:8090", help="the real Autumn server")
    p.add_argument("--real-scripts", default="/tmp/autumn-server", help="where new-org.sh and api_key.txt are")
    p.add_argument("--jvm-opts", dest="jvm_config_text", default="-XX:TieredStopAtLevel=1",
                   help="JVM options for the 'JVM options' rows, written to the fixture's .mvn/jvm.config "
                        "(default -XX:TieredStopAtLevel=1; '' for none)")
    p.add_argument("--jvm-config", type=Path,
                   help="a .mvn/jvm.config file for the 'JVM options' rows (e.g. the one README documents); "
                        "replaces --jvm-opts")
    p.add_argument("--maven-opts", default="", help="MAVEN_OPTS for the 'JVM options' rows (added to --jvm-opts)")
    p.add_argument("--no-jvm-options", action="store_true", help="skip the 'JVM options' rows")
    p.add_argument("--online", dest="offline", action="store_false",
                   help="timed Maven runs without -o (they may then check remote metadata)")
    p.add_argument("--builds", default="baseline,current",
                   help="which builds the timed sequences run: baseline, current or both (default both); one alone "
                        "halves a run, e.g. a --parallelism sweep of the current build (no baseline comparison then)")
    p.add_argument("--parallelism", default="",
                   help="-Dautumn.parallelism for every push: one value, or several (1,4,8,16) to run every sequence "
                        "once per value, scenarios named by it (default: the plugin's own default)")
    p.add_argument("--scenarios", default="first,noop,change",
                   help="which pushes a sequence times, comma-separated from first, noop, change (default all; the "
                        "first push always runs, since the others start from what it stored)")
    p.add_argument("--rate-limit",
                   help="make the sandbox enforce a rate limit, as Autumn does (e.g. 25/1s, Autumn's figure for the "
                        "catalog routes); needs the autumn-sandbox module's SandboxMain: add --sandbox-module")
    p.add_argument("--sandbox-module", action="store_true",
                   help="use the current build's autumn-sandbox module as the reference sandbox (short for "
                        "--sandbox-build current --sandbox-artifact <group>:autumn-sandbox:<version> --sandbox-main "
                        "dev.autumncatalog.sandbox.SandboxMain)")
    p.add_argument("--sandbox-build", choices=["baseline", "current"], default="baseline",
                   help="whose build provides the reference sandbox (default baseline)")
    p.add_argument("--sandbox-artifact", help="groupId:artifactId:version holding the sandbox (default: the plugin "
                                              "of --sandbox-build; e.g. dev.autumncatalog:autumn-sandbox:VERSION)")
    p.add_argument("--sandbox-main", default=DEFAULT_SANDBOX_MAIN, help=f"default {DEFAULT_SANDBOX_MAIN}")
    p.add_argument("--sandbox-classpath", help="the sandbox's class path, given instead of resolved")
    p.add_argument("--plugin-artifact", default="autumn-maven-plugin")
    p.add_argument("--dsl-artifact", default="catalog-dsl")
    p.add_argument("--build-args", default="install -DskipTests -Dspotless.skip=true -Dspotless.check.skip=true -Dinvoker.skip=true",
                   help="Maven arguments that build a revision into its private repository")
    p.add_argument("--rebuild", action="store_true", help="build both revisions even when already built")
    p.add_argument("--user-repo", default=str(Path.home() / ".m2" / "repository"),
                   help="read-only fallback repository (default ~/.m2/repository)")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds one timed Maven run may take (default 600)")
    p.add_argument("--build-timeout", type=float, default=1800.0)
    args = p.parse_args(argv)
    if args.quick:
        args.runs = 1
        args.plans = "100"
    args.sizes = [int(s) for s in args.plans.split(",") if s.strip()]
    args.server_names = [s.strip() for s in args.servers.split(",") if s.strip()]
    for name in args.server_names:
        if name not in ("sandbox", "real"):
            p.error(f"--servers takes sandbox and/or real, was {name!r}")
    if args.runs < 1:
        p.error("--runs must be at least 1")
    args.builds = [b for b in ("baseline", "current") if b in {v.strip() for v in args.builds.split(",")}]
    if not args.builds:
        p.error("--builds takes baseline and/or current")
    try:
        args.parallelisms = [int(v) for v in args.parallelism.split(",") if v.strip()] or [None]
    except ValueError:
        p.error(f"--parallelism takes whole numbers, comma-separated, was {args.parallelism!r}")
    if any(v is not None and not 1 <= v <= 16 for v in args.parallelisms):
        p.error(f"--parallelism values must be 1 to 16, was {args.parallelism!r}")
    args.scenario_set = {s.strip() for s in args.scenarios.split(",") if s.strip()} | {"first"}
    unknown = args.scenario_set - {"first", "noop", "change"}
    if unknown:
        p.error(f"--scenarios takes first, noop and change, was {args.scenarios!r}")
    if args.sandbox_module:
        args.sandbox_build = "current"
        args.sandbox_main = MODULE_SANDBOX_MAIN
        args.sandbox_module_artifact = "autumn-sandbox"
    if args.rate_limit:
        try:
            window_seconds(args.rate_limit)
        except BenchError as e:
            p.error(str(e))
        if args.sandbox_main == DEFAULT_SANDBOX_MAIN and not args.sandbox_classpath:
            p.error(f"--rate-limit needs a sandbox that can enforce one (d579d55's {DEFAULT_SANDBOX_MAIN} cannot): "
                    "add --sandbox-module")
    if args.jvm_config:
        args.jvm_config_text = " ".join(args.jvm_config.read_text().split())
    if args.no_jvm_options:
        args.jvm_config_text, args.maven_opts = "", ""
    return args


def main(argv):
    args = parse_args(argv)
    started = datetime.datetime.now()
    load_start = loadavg_text()
    top = Path(git("rev-parse", "--show-toplevel", cwd=BENCH_DIR).strip())
    target = BENCH_DIR / "target"
    logs = target / "logs"
    dumps_dir = target / "dumps"
    for d in (logs, dumps_dir):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    log(f"load average {load_start}; nproc {len(os.sched_getaffinity(0))}")
    if "sandbox" in args.server_names:
        require_free_port(args.proxy_port, "the latency proxy", "--proxy-port")
        require_free_port(args.sandbox_port, "the local sandbox", "--sandbox-port")
    settings = write_settings(target, args.user_repo)
    builds = {"baseline": Build("baseline", args.baseline, top, target),
              "current": Build("current", args.current, top, target)}
    for build in builds.values():
        build.prepare(settings, args.build_args.split(), args.rebuild, args.build_timeout)

    maven_source = builds["current"].src if (builds["current"].src / "mvnw").is_file() else builds["baseline"].src
    fixtures = {}
    for plans in args.sizes:
        for label, build in builds.items():
            fixture = Fixture(build, plans, args.features, target, maven_source, args, settings)
            log(f"fixture {label}/p{plans}: compiling ({args.features} features, {plans} plans)")
            fixture.compile(args.build_timeout, logs)
            fixtures[(label, plans)] = fixture
    machine = machine_info(next(iter(fixtures.values())).dir)
    log(f"machine: {machine['cpus']} CPUs, {machine['cpu']}, {machine['mem']}; {machine['java']}; {machine['maven']}")

    variant = None
    if args.jvm_config_text or args.maven_opts:
        variant = {"jvm_config": args.jvm_config_text or None, "maven_opts": args.maven_opts or None}

    servers = []
    if "sandbox" in args.server_names:
        classpath, description = sandbox_classpath(args, builds, target, settings, args.build_timeout, logs)
        if args.rate_limit:
            description += f", enforcing a rate limit of {args.rate_limit} (`--rate-limit`)"
        servers.append(SandboxServer(classpath, args.sandbox_main, args.sandbox_port, logs,
                                     f"local sandbox, its own JVM, restarted empty per sequence: {description}",
                                     args.rate_limit))
    if "real" in args.server_names:
        up, why = RealServer.available(args.real_url, args.real_scripts)
        if up:
            servers.append(RealServer(args.real_url, args.real_scripts))
        else:
            log(f"real Autumn server not used: {why}")

    rec = Recorder()
    floor_done = False
    for server in servers:
        proxy = Proxy(args.proxy_port, server.upstream, args.delay_ms, logs, server.name.replace(" ", "-"))
        try:
            for run in range(1, args.runs + 1):
                for plans in args.sizes:
                    for parallelism in args.parallelisms:
                        for label in args.builds:
                            sequence(server, proxy, fixtures[(label, plans)], run, rec, args, logs, dumps_dir,
                                     with_floor=not floor_done and plans == args.sizes[0] and "noop" in
                                     args.scenario_set and parallelism == args.parallelisms[0],
                                     variant=variant, parallelism=parallelism)
            floor_done = True
        finally:
            server.stop()
            proxy.stop()

    finished = datetime.datetime.now()
    text = report(rec, args, builds, machine, servers, started, finished, load_start, loadavg_text())
    (target / "push-bench.md").write_text(text)
    (target / "push-bench.json").write_text(json.dumps({"machine": machine, "rows": rec.rows,
                                                        "failures": rec.failures}, indent=1))
    print()
    print(text)
    log(f"wrote {target / 'push-bench.md'} and push-bench.json; logs in {logs}, stores in {dumps_dir}")
    return 1 if rec.failures else 0


def _terminate(signum, frame):
    print(f"push-bench: stopped by signal {signum}; stopping the servers it started", file=sys.stderr, flush=True)
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGHUP, _terminate)
    try:
        code = main(sys.argv[1:])
    except BenchError as e:
        print(f"push-bench: {e}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        print("push-bench: interrupted; stopping the servers it started", file=sys.stderr)
        code = 130
    finally:
        CHILDREN.stop_all()
    sys.exit(code)
