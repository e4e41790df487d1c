#!/usr/bin/env bash
# Installs what the WordPress end-to-end test (WordPressPluginTest) needs when it is missing: Debian's wordpress,
# php-cli, php-mysql and php-curl, and a MariaDB on 127.0.0.1:3306 (root, empty password) when nothing answers there.
# Idempotent: on a machine that has everything it changes nothing. Never touches existing databases.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
apt_install() {
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}
updated=""
apt_update_once() {
  if [ -z "$updated" ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
    updated=1
  fi
}

missing=()
[ -f /usr/share/wordpress/wp-settings.php ] || missing+=(wordpress)
command -v php >/dev/null 2>&1 || missing+=(php-cli)
if command -v php >/dev/null 2>&1; then
  php -m | grep -qx mysqli || missing+=(php-mysql)
  php -m | grep -qx curl || missing+=(php-curl)
else
  missing+=(php-mysql php-curl)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== Installing ${missing[*]} for the WordPress end-to-end test"
  apt_update_once
  apt_install "${missing[@]}"
fi

answers_3306() { (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; }
if ! answers_3306; then
  if ! command -v mariadbd >/dev/null 2>&1 && ! command -v mysqld >/dev/null 2>&1; then
    echo "== Installing mariadb-server (nothing answers on 127.0.0.1:3306)"
    apt_update_once
    apt_install mariadb-server
  fi
  echo "== Starting MariaDB on 127.0.0.1:3306"
  $SUDO mkdir -p /run/mysqld
  $SUDO chown mysql:mysql /run/mysqld 2>/dev/null || true
  if [ ! -d /var/lib/mysql/mysql ]; then
    $SUDO mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  fi
  # No init system in CI containers: start the server directly, in the background, on loopback only.
  $SUDO sh -c 'nohup mariadbd --user=mysql --bind-address=127.0.0.1 --port=3306 >/var/log/mariadb-ci.log 2>&1 &'
  for _ in $(seq 1 60); do
    answers_3306 && break
    sleep 1
  done
  answers_3306 || { echo "MariaDB did not start, see /var/log/mariadb-ci.log" >&2; exit 1; }
  # The test connects as root without a password over TCP; Debian's root uses unix_socket auth by default.
  $SUDO mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(''); FLUSH PRIVILEGES;" \
    2>/dev/null || true
fi
echo "== WordPress test prerequisites: $(php -r 'echo PHP_VERSION;') / WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" /usr/share/wordpress/wp-includes/version.php) / MariaDB on 3306"
