/** Small MPJ Express programs the tests run: written against package mpi only, as a user's would be. */
package mpjprograms;
