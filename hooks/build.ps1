# ask-cli v2 build hook on Windows: the same as hooks/build.sh (see there).
param([string]$ZipFile, [string]$DoDebug)
$ErrorActionPreference = 'Stop'
$Root = Split-Path -Parent $PSScriptRoot
$Tsx = Join-Path $Root 'node_modules/tsx/dist/cli.mjs'
if (-not (Test-Path $Tsx)) {
  Write-Error "hooks/build.ps1: run npm install in $Root first (the bundle is built with esbuild from node_modules)"
  exit 1
}
& node $Tsx (Join-Path $Root 'tools/deploy/package.ts') $ZipFile
exit $LASTEXITCODE
