package dev.paddock.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // stdout belongs to the protocol: keep the real one for Paddock's own writes and send anything
        // else that prints to System.out (a library, a stray debug line) to stderr instead.
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        System.setOut(System.err);
        int exitCode = PaddockCommand.run(args, System.in, stdout, System.err);
        // GraalJS and Reactor keep non-daemon threads; the process must still end when the work is done.
        System.exit(exitCode);
    }
}
