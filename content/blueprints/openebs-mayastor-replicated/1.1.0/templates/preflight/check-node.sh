#!/bin/sh
# Rendered by {{ blueprint.name }} {{ blueprint.version }}.
# Run as root on every io-engine node before installing: sh check-node.sh
# Exits non-zero and names every unmet requirement of Replicated PV Mayastor.
set -u
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

[ "$(uname -m)" = "x86_64" ] && pass "x86-64 CPU" || fail "CPU architecture is $(uname -m), x86_64 required"
grep -qw sse4_2 /proc/cpuinfo && pass "SSE4.2" || fail "CPU lacks SSE4.2"

kernel=$(uname -r | cut -d- -f1)
major=$(echo "$kernel" | cut -d. -f1)
minor=$(echo "$kernel" | cut -d. -f2)
if [ "$major" -gt 5 ] || { [ "$major" -eq 5 ] && [ "$minor" -ge 13 ]; }; then
  pass "kernel $kernel >= 5.13"
else
  fail "kernel $kernel is older than 5.13"
fi

if lsmod | grep -qw nvme_tcp || modprobe nvme-tcp 2>/dev/null; then
  pass "nvme-tcp module loaded (add it to /etc/modules-load.d/ to survive reboots)"
else
  fail "nvme-tcp module cannot be loaded"
fi

cores=$(nproc)
[ "$cores" -ge 3 ] && pass "$cores CPU cores (2 go to the io-engine)" || fail "$cores CPU cores; the io-engine alone takes 2"

memory_kb=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo)
[ "$memory_kb" -ge 1048576 ] && pass "1 GiB memory available" || fail "less than 1 GiB memory available for the io-engine"

wanted={{ values.hugepages2Mi }}
hugepages=$(cat /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages 2>/dev/null || echo 0)
if [ "$hugepages" -ge "$wanted" ]; then
  pass "$hugepages hugepages of 2 MiB"
else
  fail "$hugepages hugepages of 2 MiB, need $wanted: echo vm.nr_hugepages=$wanted > /etc/sysctl.d/20-hugepages.conf && sysctl --system, then restart the kubelet"
fi

# The pool disks of this node (NODE_NAME overrides the host name when the Kubernetes node name differs).
node=${NODE_NAME:-$(hostname)}
disks=0
check_disk() {
  disks=$((disks + 1))
  if [ ! -b "$1" ]; then
    fail "pool disk $1 is not a block device on $node"
  elif [ -n "$(lsblk -nro MOUNTPOINT "$1" 2>/dev/null | tr -d '[:space:]')" ]; then
    fail "pool disk $1 (or a partition of it) is mounted; a pool needs a dedicated disk"
  else
    pass "pool disk $1 is an unmounted block device"
    if [ -n "$(blkid -p "$1" 2>/dev/null)" ]; then
      echo "note: pool disk $1 carries a filesystem or partition table; creating the pool wipes it"
    fi
  fi
}
{{#each values.diskPools}}
[ {{ this.node | shellquote }} = "$node" ] && check_disk {{ this.disk | shellquote }}
{{/each}}
[ "$disks" -gt 0 ] || echo "note: no DiskPool names node $node; set NODE_NAME if its Kubernetes name differs"

if [ "$failures" -gt 0 ]; then
  echo "$failures requirement(s) not met"
  exit 1
fi
echo "all node requirements met"
