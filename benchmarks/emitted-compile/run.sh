#!/usr/bin/env bash
# Compile-time experiments on the generator's output (benchmarks/README.md, "More compile-time experiments").
#
#   bash benchmarks/emitted-compile/run.sh [--runs N] [--analyzers on|off] <variant>...
#
# Emits the whole official document once (EmitCompilerGeneratedFiles), then, N times, builds the files as emitted and
# each named variant (benchmarks/emitted-compile/variants.py) in alternation: a clean `dotnet build`, Debug,
# IsAotCompatible=true, with no generator, so only the compiler and its analyzers are measured. One line per build:
# wall seconds, CPU seconds (user + sys of the build's processes), host steal seconds, peak RSS, DAM analyzer CPU.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
spec="${TELNYX_SPEC:-$repo/../shared/telnyx-openapi/spec3.json}"
work="${TMPDIR:-/tmp}/telnyx-emitted-compile"
runs=1
analyzers=on
variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --analyzers) analyzers="$2"; shift 2 ;;
    *) variants+=("$1"); shift ;;
  esac
done
[ ${#variants[@]} -gt 0 ] || { sed -n 2,9p "$0"; exit 2; }
[ -f "$spec" ] || { echo "no document at $spec (set TELNYX_SPEC)" >&2; exit 2; }

mkdir -p "$work/emit" "$work/raw"
if [ ! -d "$work/as-emitted-src" ]; then
  cat > "$work/emit/Emit.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <IsAotCompatible>true</IsAotCompatible>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>\$(MSBuildThisFileDirectory)emitted</CompilerGeneratedFilesOutputPath>
    <TelnyxNamespace>Telnyx</TelnyxNamespace>
  </PropertyGroup>
  <Import Project="$repo/generator/Telnyx.Generator/build/Telnyx.Generated.props" />
  <ItemGroup>
    <ProjectReference Include="$repo/generator/Telnyx.Generator/Telnyx.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/runtime/Telnyx.Runtime/Telnyx.Runtime.csproj" />
    <AdditionalFiles Include="$spec" TelnyxSpec="true" />
  </ItemGroup>
</Project>
PROJ
  echo "emitting the whole document (a few minutes)..." >&2
  dotnet build "$work/emit/Emit.csproj" -c Debug -v:q -nologo > "$work/emit.log" 2>&1 || { tail -20 "$work/emit.log"; exit 1; }
  rm -rf "$work/as-emitted-src.tmp" && cp -r "$work/emit/emitted/Telnyx.Generator/Telnyx.Generator.TelnyxGenerator" "$work/as-emitted-src.tmp"
  # The dependency-injection extensions need Microsoft.Extensions packages the bare project does not reference.
  grep -l "global::Microsoft.Extensions\|global::Microsoft.AspNetCore\|global::StackExchange" "$work/as-emitted-src.tmp"/*.cs | xargs -r rm -f
  mv "$work/as-emitted-src.tmp" "$work/as-emitted-src"
fi
runtime_dll="$work/emit/bin/Debug/net10.0/Telnyx.Runtime.dll"

cat > "$work/raw/Raw.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <IsAotCompatible>true</IsAotCompatible>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <NoWarn>\$(NoWarn);CS1591;CS8604</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/**/*.cs" />
    <Reference Include="$runtime_dll" />
  </ItemGroup>
</Project>
PROJ

build() {
  local variant="$1" src="$work/variants/$1"
  [ -d "$src" ] || python3 "$here/variants.py" "$work/as-emitted-src" "$variant" "$src"
  rm -rf "$work/raw/src" "$work/raw/obj" "$work/raw/bin" && ln -s "$src" "$work/raw/src"
  local extra=() ; [ "$analyzers" = off ] && extra=(-p:RunAnalyzers=false)
  local steal0 steal1 start end
  steal0=$(awk '/^cpu /{print $9}' /proc/stat); start=$(date +%s.%N)
  if ! /usr/bin/time -f "%M %U %S" -o "$work/time.txt" dotnet build "$work/raw/Raw.csproj" -c Debug -p:ReportAnalyzer=true "${extra[@]}" -v:d > "$work/build.log" 2>&1; then
    echo "$variant: build failed"; grep -m5 "error CS" "$work/build.log" || tail -5 "$work/build.log"; return 1
  fi
  end=$(date +%s.%N); steal1=$(awk '/^cpu /{print $9}' /proc/stat)
  local rss user sys dam files
  read -r rss user sys < "$work/time.txt"
  dam=$(grep -E "^\s+[0-9.]+\s+[0-9]+\s+ILLink.RoslynAnalyzer.DynamicallyAccessedMembersAnalyzer" "$work/build.log" | awk '{print $1}' | head -1 || true)
  files=$(ls "$src" | wc -l)
  printf "%-28s files %5d  wall %6.1f s  cpu %6.1f s  steal %5.1f s  peak %5d MiB  DAM analyzer %s s\n" \
    "$variant" "$files" "$(echo "$end - $start" | bc)" "$(echo "$user + $sys" | bc)" \
    "$(echo "($steal1 - $steal0) / 100" | bc -l)" $((rss / 1024)) "${dam:--}"
}

for run in $(seq 1 "$runs"); do
  echo "run $run (analyzers $analyzers)"
  build as-emitted
  for v in "${variants[@]}"; do [ "$v" = as-emitted ] || build "$v"; done
done
