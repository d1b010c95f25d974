/** Test only: an empty package, so that MPJ Express's vendored tests importing mpjbuf.* compile unchanged. */
package mpjbuf;
