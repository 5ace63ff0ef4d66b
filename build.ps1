#!/usr/bin/env pwsh
# Thin wrapper over the dotnet commands the README gives; nothing here that README does not say.
param([ValidateSet('build', 'test', 'run', 'demo', 'bench')][string]$Target = 'build')
$ErrorActionPreference = 'Stop'
switch ($Target) {
    'build' { dotnet build FileSync.Actors.sln }
    'test'  { dotnet test FileSync.Actors.sln }
    'run'   { dotnet run --project src/FileSync.Server -- --config hocon/single-node.conf }
    'demo'  { dotnet run --project src/FileSync.Server -- demo }
    'bench' { dotnet run -c Release --project tests/FileSync.Benchmarks -- all }
}
exit $LASTEXITCODE
