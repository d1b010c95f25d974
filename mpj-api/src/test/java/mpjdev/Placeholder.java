package mpjdev;

/** Test only, empty: lets MPJ Express's vendored tests that import mpjdev.* (and use none of it) compile. */
final class Placeholder {

    private Placeholder() {
    }
}
