/** Test only: an empty package, so that MPJ Express's vendored tests importing mpjdev.* compile unchanged. */
package mpjdev;
