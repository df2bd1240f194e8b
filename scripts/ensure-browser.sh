#!/usr/bin/env bash
# Browser tests need Debian's Chromium and CJK fonts. Install them with apt when missing and we
# may (root or password-less sudo); otherwise say what to install. Never downloads a browser.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
need=()
[ -x "$chromium_path" ] || need+=(chromium)
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then need+=(fonts-noto-cjk); fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "浏览器测试需要：${need[*]}，正在用 apt 安装…"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  echo "请先安装：sudo apt-get install -y ${need[*]}（或设置 CHROMIUM_PATH 指向已有的 Chromium）" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${need[@]}" >/dev/null
echo "已安装：${need[*]}"
