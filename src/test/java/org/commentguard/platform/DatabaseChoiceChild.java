package org.commentguard.platform;

/**
 * Runs in a separate JVM for {@link DatabaseChoiceTest}: makes the decision {@link CommentguardMain#main} makes,
 * with that JVM's working directory, class path, environment and system properties, and prints it.
 */
public final class DatabaseChoiceChild {

    public static void main(String[] args) {
        System.out.println("CHOICE " + CommentguardMain.databaseChoice());
    }
}
