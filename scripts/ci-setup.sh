#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine: the CNCF registry and skopeo (Debian),
# htpasswd for bcrypt credentials, tinyproxy (a real forward proxy for the proxy tests), Prometheus'
# pushgateway and server (pipeline-metrics' exporter is read back through PromQL), and pytest
# for real pytest JUnit reports where pip can reach it.
set -euo pipefail
need=()
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v skopeo >/dev/null || need+=(skopeo)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v git >/dev/null || need+=(git)
[ -x /usr/bin/tinyproxy ] || need+=(tinyproxy)
[ -x /usr/bin/prometheus-pushgateway ] || need+=(prometheus-pushgateway)
[ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ] || need+=(prometheus)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "ci-setup: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
git config --global user.email >/dev/null || git config --global user.email "ci@gantry.invalid"
git config --global user.name >/dev/null || git config --global user.name "Gantry CI"
git config --global init.defaultBranch >/dev/null || git config --global init.defaultBranch main
git config --global protocol.file.allow always
echo "ci-setup: node $(node --version), $(docker-registry --version 2>&1 | head -1), skopeo $(skopeo --version | awk '{print $3}')"
