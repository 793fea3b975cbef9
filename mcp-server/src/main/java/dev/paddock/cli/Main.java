package dev.paddock.cli;

public final class Main {
    public static void main(String[] args) {
        System.err.println("paddock: not yet");
    }
}
