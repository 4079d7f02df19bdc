package dev.lenet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that runs TensorFlow (anything that loads its native library: a graph, a session, a model), trains, starts a
 * JVM or kills one: {@code mvn test} leaves it out, so the fast suite never loads the native library; {@code mvn
 * verify} (and CI) runs it after the fast ones.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
