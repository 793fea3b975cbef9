# shellcheck shell=bash disable=SC2034  # JAVA and PADDOCK_JDK_VERSION are for the scripts that source this
# Finds a JDK >= 25 for Paddock's scripts. Sourced, not run: defines paddock_select_jdk, which sets
# JAVA_HOME, JAVA (the java binary) and PADDOCK_JDK_VERSION (e.g. 25.0.3), or prints what is needed
# and returns 1. It never downloads a JDK: installing one is the user's call.

PADDOCK_MIN_JDK=25
# Where installed JDKs live; PADDOCK_JVM_DIRS (space-separated) overrides it, e.g. for another OS layout.
PADDOCK_JVM_DIRS=${PADDOCK_JVM_DIRS:-/usr/lib/jvm}

# Prints the version of the JDK at $1 (e.g. 25.0.3), or nothing if it is not a JDK.
# The release file is read first because it costs no JVM start.
paddock_jdk_version() {
    local home=$1 version=
    [[ -x $home/bin/java ]] || return 0
    if [[ -r $home/release ]]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"$/\1/p' "$home/release")
    fi
    if [[ -z $version ]]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([^"]*\)".*$/\1/p')
    fi
    printf '%s' "$version"
}

# True when version $1 has a feature release >= PADDOCK_MIN_JDK ("1.8.0" counts as 1).
paddock_jdk_new_enough() {
    local feature=${1%%[.+-]*}
    [[ $feature =~ ^[0-9]+$ ]] && (( feature >= PADDOCK_MIN_JDK ))
}

# True when version $1 sorts strictly after version $2 (25.0.10 > 25.0.9).
paddock_version_newer() {
    [[ $1 != "$2" && $(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n1) == "$1" ]]
}

paddock_select_jdk() {
    local candidate version best='' best_version=''
    if [[ -n ${JAVA_HOME:-} ]]; then
        version=$(paddock_jdk_version "$JAVA_HOME")
        if paddock_jdk_new_enough "$version"; then
            best=$JAVA_HOME best_version=$version
        fi
    fi
    if [[ -z $best ]]; then
        local dir
        for dir in $PADDOCK_JVM_DIRS; do
            for candidate in "$dir"/*; do
                version=$(paddock_jdk_version "$candidate")
                paddock_jdk_new_enough "$version" || continue
                if [[ -z $best ]] || paddock_version_newer "$version" "$best_version"; then
                    best=$candidate best_version=$version
                fi
            done
        done
    fi
    if [[ -z $best ]]; then
        {
            echo "paddock: needs a JDK ${PADDOCK_MIN_JDK} or newer, and found none."
            if [[ -n ${JAVA_HOME:-} ]]; then
                echo "  JAVA_HOME=$JAVA_HOME is version '$(paddock_jdk_version "$JAVA_HOME")' (too old or not a JDK)."
            else
                echo "  JAVA_HOME is not set."
            fi
            echo "  Looked in: $PADDOCK_JVM_DIRS (set PADDOCK_JVM_DIRS to search elsewhere)."
            echo "  Install one (e.g. Eclipse Temurin 25, package temurin-25-jdk) and set JAVA_HOME to it."
            echo "  For the JIT, the JDK update must be at least the pinned GraalJS version (README: Runtime modes)."
        } >&2
        return 1
    fi
    JAVA_HOME=$best
    JAVA=$best/bin/java
    PADDOCK_JDK_VERSION=$best_version
    export JAVA_HOME
}
