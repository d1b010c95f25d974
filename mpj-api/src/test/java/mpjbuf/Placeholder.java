package mpjbuf;

/** Test only, empty: lets MPJ Express's vendored tests that import mpjbuf.* (and use none of it) compile. */
final class Placeholder {

    private Placeholder() {
    }
}
