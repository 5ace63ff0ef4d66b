#!/bin/sh
# Synchronization vs rsync (BENCHMARKS.md W1-W7): builds the node in Release, then runs the suite.
#   bench/sync-vs-rsync.sh [--size-mib 1024] [--small-files 10000] [--only W1,W3]
# Needs rsync (apt-get install -y rsync); the suite says so when it is missing.
set -e
cd "$(dirname "$0")/.."
dotnet build -c Release src/FileSync.Server/FileSync.Server.csproj -v quiet -nologo
exec dotnet run -c Release --project tests/FileSync.Benchmarks -- sync-vs-rsync "$@"
