"""Count the connect() calls in an strace log that leave the machine (see .ci/no-network).

Connects by a browser (the static-site test drives Chromium, which makes its own DNS
lookups and address probes however it is configured) are listed apart and not counted:
a process is a browser's when it, or a process it was forked from, executed chrom*.

The log is read in order and each connect is judged by the process tree *at that moment*:
over a whole suite the kernel reuses process and thread IDs, so a final parent map would
attribute a browser thread's early connect to whichever process got its ID later.
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
    browser: dict[str, bool] = {}  # pid -> it or an ancestor executed chrom*, as of now
    command: dict[str, str] = {}  # pid -> what it runs (its own exec, else its parent's)
    loopback = remote = by_browser = 0
    named: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if m := SPAWN.match(line):
                parent, child = m.group(1), m.group(2)
                browser[child] = browser.get(parent, False)
                command[child] = command.get(parent, "?")
            elif m := EXEC.match(line):
                pid = m.group(1)
                command[pid] = m.group(3)[:200]
                if "chrom" in m.group(2).rsplit("/", 1)[-1]:
                    browser[pid] = True
            elif " connect(" in line and (m := INET.search(line) or INET6.search(line)):
                pid, addr = line.split()[0], m.group(2)
                if local(addr):
                    loopback += 1
                elif browser.get(pid, False):
                    by_browser += 1
                else:
                    remote += 1
                    print(f"network connect attempt: {line.strip()}", file=sys.stderr)
                    if pid not in named:
                        named.add(pid)
                        print(f"  by process {pid}: {command.get(pid, '?')}", file=sys.stderr)
    print(
        f"native connect() calls: {loopback} to loopback, {remote} leaving the machine"
        f" (and {by_browser} by the test browser, not counted)"
    )
    return 1 if remote else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
