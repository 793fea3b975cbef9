package dev.paddock.cli;

/**
 * The Main-Class of paddock.jar, compiled for Java 8 so that an older {@code java -jar} reads it and says what
 * is needed, instead of failing on the rest of the jar with an {@code UnsupportedClassVersionError}. Nothing
 * else of Paddock is loaded before the check; the next class is named as a string for the same reason.
 */
public final class JavaVersionGate {
    private static final int NEEDED = 25;

    private JavaVersionGate() {}

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version");
        if (feature(version) < NEEDED) {
            System.err.println("paddock needs Java " + NEEDED + " or newer; this is Java " + version + " at "
                    + System.getProperty("java.home"));
            System.exit(2);
        }
        try {
            Class.forName("dev.paddock.cli.JarLauncher").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** 8 for "1.8", 17 for "17". */
    private static int feature(String version) {
        String major = version.startsWith("1.") ? version.substring(2) : version;
        int dot = major.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? major : major.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
