# bench/settle.sh: sourced by bench/run and bench/vs-parse-limit.
#
# On ext4, the inode allocator skips inodes freed recently: recently_deleted() in the kernel's
# fs/ext4/ialloc.c counts an inode as recent for 60 s after it was freed, and for 360 s while
# the block of the inode table that holds it has not been written back (creating new files
# dirties those blocks again). Until then, every new file or folder costs a scan, and a build
# right after a large removal measures that scan: a 2,000-page build took 1.2 to 4.4 s instead
# of 0.4 s, with 1.3 to 1.7 s of kernel time, mostly in recently_deleted() and
# find_get_block_common(), for more than a minute after about 300,000 files were removed.
#
# So on a disk, the scripts note when they removed outputs (removed_outputs DIR) and, before
# timing anything, wait until RECENT_S seconds have passed since (settle DIR). In memory (tmpfs)
# there is nothing to wait for.

RECENT_S="${RECENT_S:-370}"

# fs_of DIR: the file system's type as df names it (ext4, tmpfs, ...).
fs_of() { df --output=fstype "$1" | tail -n 1; }

# removed_outputs DIR: call right after removing outputs below DIR.
removed_outputs() {
  [ "$(fs_of "$1")" = tmpfs ] && return 0
  sync
  date +%s > "$1/.outputs-removed-at"
}

# settle DIR: waits until DIR's file system has forgotten the outputs removed last.
settle() {
  [ "$(fs_of "$1")" = tmpfs ] && return 0
  local at now left
  at="$(cat "$1/.outputs-removed-at" 2>/dev/null || echo 0)"
  now="$(date +%s)"
  left=$(( at + RECENT_S - now ))
  if [ "$left" -gt 0 ]; then
    echo "bench: waiting $left s: outputs were removed from this disk $(( now - at )) s ago, and ext4 makes new files slow for up to $RECENT_S s after (see bench/settle.sh)" >&2
    sleep "$left"
  fi
}
