#!/usr/bin/env bash
# The one test command: installs what the tests need (Debian 12, as root), starts the servers
# they use, and runs every test of Burgerbegroting.sln, PostgreSQL and browser tests included.
#
#   ./test.sh                    everything
#   ./test.sh --filter NAME      extra arguments go to `dotnet test`
#   ./test.sh --setup-only       install and start only, then print the environment the tests read
#
# Needs: the .NET SDK (global.json). Installs when missing: chromium, fonts-liberation, postgresql,
# python3-aiosmtpd. A prerequisite still missing after that stops the run with an error: the tests
# get BB_TEST_REQUIRE_ALL=1 and fail, rather than skip, when something they need is absent.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

setup_only=0
dotnet_args=()
for arg in "$@"; do
  if [[ "$arg" == "--setup-only" ]]; then setup_only=1; else dotnet_args+=("$arg"); fi
done

step() { printf '==> %s\n' "$*"; }
fail() { printf 'test.sh: ERROR: %s\n' "$*" >&2; exit 1; }

# Commands that need root: run directly as root, through sudo otherwise.
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "need root (or sudo) to run: $*"
  fi
}
as_postgres() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@")
  elif command -v sudo >/dev/null; then (cd / && sudo -u postgres "$@")
  else fail "need root (or sudo) to run as postgres: $*"
  fi
}

# ---- 1. Debian packages -------------------------------------------------------------------------
packages=(chromium fonts-liberation postgresql python3-aiosmtpd)
command -v java >/dev/null || packages+=(default-jre-headless)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  step "installing ${missing[*]}"
  apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  }
  # The transaction has been seen to break half-way ("cannot access archive") once; a second
  # try, after finishing any half-configured packages, completes it.
  if ! apt_install; then
    step "apt-get failed; finishing half-configured packages and trying once more"
    as_root dpkg --configure -a || true
    apt_install || fail "could not install ${missing[*]} with apt-get (see the output above)"
  fi
fi

[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing (Debian package chromium)"
command -v pg_ctlcluster >/dev/null || fail "pg_ctlcluster is missing (Debian package postgresql)"
command -v aiosmtpd >/dev/null || fail "the aiosmtpd command is missing (Debian package python3-aiosmtpd)"
command -v dotnet >/dev/null || fail "dotnet is missing: install the .NET SDK named in global.json"
[[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]] ||
  fail "Liberation fonts are missing (Debian package fonts-liberation)"

# ---- 2. PostgreSQL 15 ---------------------------------------------------------------------------
pg_version=15
pg_cluster=main
pg_port=5432
pg_user=burgerbegroting
pg_password=burgerbegroting

if ! pg_lsclusters -h 2>/dev/null | awk -v v="$pg_version" -v c="$pg_cluster" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  step "creating PostgreSQL cluster $pg_version/$pg_cluster"
  as_root pg_createcluster "$pg_version" "$pg_cluster" --port "$pg_port"
fi
if ! pg_lsclusters -h | awk -v v="$pg_version" -v c="$pg_cluster" '$1 == v && $2 == c && $4 == "online" { found = 1 } END { exit !found }'; then
  step "starting PostgreSQL $pg_version/$pg_cluster"
  as_root pg_ctlcluster "$pg_version" "$pg_cluster" start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$pg_port" || fail "PostgreSQL does not accept connections on 127.0.0.1:$pg_port"

# The tests create and drop their own databases, so the role needs CREATEDB.
if ! PGPASSWORD="$pg_password" psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -qAtX \
      -c "select 1 from pg_roles where rolname = current_user and rolcreatedb" 2>/dev/null | grep -q 1; then
  step "creating PostgreSQL role $pg_user"
  as_postgres psql -p "$pg_port" -d postgres -qX -v ON_ERROR_STOP=1 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$pg_user') THEN
    CREATE ROLE $pg_user LOGIN CREATEDB PASSWORD '$pg_password';
  ELSE
    ALTER ROLE $pg_user LOGIN CREATEDB PASSWORD '$pg_password';
  END IF;
END
\$\$;
SQL
  PGPASSWORD="$pg_password" psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -qAtX -c "select 1" >/dev/null ||
    fail "cannot connect to PostgreSQL as $pg_user with a password on 127.0.0.1:$pg_port"
fi

# ---- 2b. The Nu HTML Checker (vnu.jar, from npm) for the valid-HTML gate of the browser tests ------
vnu_version=26.9.27
vnu_dir="${XDG_CACHE_HOME:-$HOME/.cache}/burgerbegroting/vnu-$vnu_version"
vnu_jar="$vnu_dir/node_modules/vnu-jar/build/dist/vnu.jar"
if [[ ! -f "$vnu_jar" ]]; then
  step "installing vnu-jar $vnu_version (Nu HTML Checker) into $vnu_dir"
  command -v npm >/dev/null || fail "npm is missing: it installs the Nu HTML Checker (vnu-jar)"
  mkdir -p "$vnu_dir"
  # --ignore-scripts: its postinstall would try to download a Java runtime; the machine's Java runs it.
  npm install --prefix "$vnu_dir" --ignore-scripts --no-audit --no-fund "vnu-jar@$vnu_version" >/dev/null ||
    fail "could not install vnu-jar from npm"
fi
[[ -f "$vnu_jar" ]] || fail "vnu.jar not found at $vnu_jar"
command -v java >/dev/null || fail "java is missing (Debian package default-jre-headless): it runs the Nu HTML Checker"

# ---- 3. What the tests read ---------------------------------------------------------------------
export BB_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Password=$pg_password"
export BB_TEST_CHROMIUM=/usr/bin/chromium
BB_TEST_AIOSMTPD="$(command -v aiosmtpd)"
export BB_TEST_AIOSMTPD
export BB_TEST_REQUIRE_ALL=1
export BB_TEST_VNU="$vnu_jar"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Hundreds of test apps start and stop in one run; each would take inotify instances (128 per user by default) to
# watch its settings files and static files. The tests change neither while an app runs: no reloading, and polling
# where a watch is still asked for (the version suffix of static files).
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=1

if ((setup_only)); then
  step "setup done; the tests read:"
  for name in BB_TEST_POSTGRES BB_TEST_CHROMIUM BB_TEST_AIOSMTPD BB_TEST_VNU BB_TEST_REQUIRE_ALL DOTNET_hostBuilder__reloadConfigOnChange DOTNET_USE_POLLING_FILE_WATCHER; do
    printf "export %s='%s'\n" "$name" "${!name}"
  done
  exit 0
fi

# ---- 4. Tests -----------------------------------------------------------------------------------
rm -rf TestResults
step "dotnet test Burgerbegroting.sln -c Release ${dotnet_args[*]}"
status=0
dotnet test Burgerbegroting.sln -c Release \
  --results-directory TestResults \
  --logger "console;verbosity=normal" \
  --logger trx \
  "${dotnet_args[@]}" || status=$?

# One closing line over all test projects, read from the TRX files.
total=0 passed=0 failed=0 skipped=0
counter() { # counter NAME TRX-FILE: one attribute of the file's <Counters> element, 0 if absent
  local value
  value="$(grep -o '<Counters [^>]*>' "$2" | head -n 1 | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p")"
  echo "${value:-0}"
}
shopt -s nullglob
for trx in TestResults/*.trx; do
  total=$((total + $(counter total "$trx")))
  passed=$((passed + $(counter passed "$trx")))
  failed=$((failed + $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  skipped=$((skipped + $(counter total "$trx") - $(counter executed "$trx")))
done
echo
echo "$passed passed, $failed failed, $skipped skipped"

if ((status == 0 && total == 0)); then
  fail "no test ran"
fi
exit "$status"
