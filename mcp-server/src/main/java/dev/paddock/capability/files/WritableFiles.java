package dev.paddock.capability.files;

import dev.paddock.capability.AtomicWrite;
import dev.paddock.capability.CallContext;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.IoFailure;
import dev.paddock.capability.WellFormedText;
import java.io.IOException;
import java.nio.file.Path;

/** {@code files} over a root configured with {@code "writable": true}: adds {@code write}. */
public final class WritableFiles extends FilesCapability {
    public WritableFiles(Settings settings) {
        super(settings);
    }

    /** The rename that replaces the file happens only while the execution still runs ({@link CallContext#beforeCommit}). */
    public Written write(WriteInput input, CallContext context) {
        if (input.content() == null) {
            throw new CapabilityException("EINVAL", "files.write: input.content must be a string");
        }
        byte[] bytes = WellFormedText.utf8(input.content(), "files.write: input.content");
        if (bytes.length > settings.maxWriteBytes()) {
            throw new CapabilityException("EFBIG", "content is " + bytes.length + " bytes; files.write accepts at most "
                    + settings.maxWriteBytes());
        }
        Path target = root.forWrite(input.path());
        try {
            AtomicWrite.replace(target, bytes, () -> context.beforeCommit("files.write of " + FileRoot.display(input.path())));
        } catch (IOException e) {
            throw IoFailure.of("cannot write " + FileRoot.display(input.path()), e);
        }
        return new Written(root.relative(target), bytes.length);
    }

}
