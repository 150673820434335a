# Shared by the provisioning scripts: where the project and its tools directory are, and how to fail.
# Sourced, not run.
project_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The release distribution keeps its tools in the user's cache instead (bin/trailwarden sets this).
tools_dir="${TRAILWARDEN_TOOLS_DIR:-$project_root/.tools}"

say() { echo "trailwarden: $*" >&2; }
die() { say "$*"; exit 1; }

# link_tool NAME TARGET: make .tools/bin/NAME point at TARGET (unless it already is TARGET) and print it.
link_tool() {
  local link="$tools_dir/bin/$1" target
  target=$(readlink -f "$2")
  mkdir -p "$tools_dir/bin"
  if [ "$(readlink -f "$link" 2>/dev/null)" != "$target" ]; then
    ln -sfn "$target" "$link"
  fi
  echo "$link"
}
