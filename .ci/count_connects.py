"""Count the connect() calls in an strace log that leave the machine (see .ci/no-network).

Connects by a browser (the static-site test drives Chromium, which makes its own DNS
lookups and address probes however it is configured) are listed apart and not counted:
a process is a browser's when it, or a process it was forked from, executed chrom*.
"""

import re
import sys

INET = re.compile(r'sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)')
INET6 = re.compile(r'sa_family=AF_INET6, sin6_port=htons\((\d+)\),.*?inet_pton\(AF_INET6, "([^"]+)"')
SPAWN = re.compile(r"^(\d+)\s+(?:<\.\.\. )?(?:clone3?|fork|vfork)\b.*= (\d+)$")
EXEC = re.compile(r'^(\d+)\s+execve\("([^"]+)", \[(.*?)\]')


def local(addr: str) -> bool:
    return (
        addr.startswith("127.")
        or addr.startswith("::ffff:127.")
        or addr in ("::1", "0.0.0.0", "::")
    )


def main(path: str) -> int:
    parent: dict[str, str] = {}
    browser: set[str] = set()
    command: dict[str, str] = {}  # pid -> the argv it last executed (as strace printed it)
    connects: list[tuple[str, str, str]] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if m := SPAWN.match(line):
                parent[m.group(2)] = m.group(1)
            elif m := EXEC.match(line):
                command[m.group(1)] = m.group(3)[:200]
                if "chrom" in m.group(2).rsplit("/", 1)[-1]:
                    browser.add(m.group(1))
            elif " connect(" in line and (m := INET.search(line) or INET6.search(line)):
                connects.append((line.split()[0], m.group(2), line))

    def in_browser(pid: str) -> bool:
        seen = set()
        while pid and pid not in seen:
            if pid in browser:
                return True
            seen.add(pid)
            pid = parent.get(pid, "")
        return False

    def lineage(pid: str) -> str:
        """The commands of the process and its ancestors, nearest first: which program it was."""
        out, seen = [], set()
        while pid and pid not in seen:
            seen.add(pid)
            if pid in command:
                out.append(f"{pid}: {command[pid]}")
            pid = parent.get(pid, "")
        return " <- ".join(out[:3]) or "?"

    loopback = remote = by_browser = 0
    named: set[str] = set()
    for pid, addr, line in connects:
        if local(addr):
            loopback += 1
        elif in_browser(pid):
            by_browser += 1
        else:
            remote += 1
            print(f"network connect attempt: {line.strip()}", file=sys.stderr)
            if pid not in named:
                named.add(pid)
                print(f"  by process {lineage(pid)}", file=sys.stderr)
    print(
        f"native connect() calls: {loopback} to loopback, {remote} leaving the machine"
        f" (and {by_browser} by the test browser, not counted)"
    )
    return 1 if remote else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
