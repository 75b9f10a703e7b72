#!/bin/sh
# The image's entrypoint: community-node [gateway|silo] [program arguments…]
#
# Picks the program (gateway by default) and, unless Community__Orleans__AdvertisedAddress is
# already set, advertises the container's own IPv4 address to the rest of the cluster: without it
# a silo advertises loopback, which no other container can reach.
set -eu

program=gateway
case "${1:-}" in
  gateway | silo) program="$1"; shift ;;
esac

if [ -z "${Community__Orleans__AdvertisedAddress:-}" ]; then
  # The container's hostname resolves (through /etc/hosts) to its address on its network.
  address="$(getent ahostsv4 "$(cat /etc/hostname)" 2>/dev/null | awk 'NR == 1 { print $1 }')"
  [ -n "$address" ] || address="$(hostname -i 2>/dev/null | awk '{ print $1 }')" || true
  case "$address" in
    "" | 127.*)
      echo "community-node: no address to advertise; set Community__Orleans__AdvertisedAddress" >&2
      ;;
    *)
      export Community__Orleans__AdvertisedAddress="$address"
      ;;
  esac
fi

# The content root is the working directory: the program's own folder, so its appsettings.json is read.
case "$program" in
  gateway) cd /app/gateway && exec dotnet Community.Gateway.dll "$@" ;;
  silo) cd /app/silo && exec dotnet Community.Silo.dll "$@" ;;
esac
