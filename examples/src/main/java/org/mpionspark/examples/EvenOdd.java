package org.mpionspark.examples;

import java.io.Serializable;
import java.util.stream.IntStream;

import org.mpionspark.mpi.Communicator;
import org.mpionspark.mpi.Group;
import org.mpionspark.mpi.Op;

/**
 * Sub-communicators: the even ranks and the odd ranks, each a communicator of its own. Mirrors the
 * French notes' "Notion de communicateur" cell: {@code grp.Excl([0,2])} and
 * {@code comm.Create_group(grp_impair)} for the odd ranks, {@code grp.Excl([1,3])} for the even
 * ones, printing "Je suis le processus impair 0 sur 2". Done twice: by groups ({@code excl} then
 * {@code create}, every rank calling both creates, each rank outside a group getting
 * {@code null}), and by {@code split(rank % 2, rank)}, one call. Each sub-communicator then sums
 * its members' world ranks with an {@code allreduce}, to show it communicates on its own.
 *
 * <pre>
 * usage: EvenOdd [ranks=4]
 *   mvn -B -q package -DskipTests -pl examples -am -Drun=EvenOdd
 *
 * [stdout:0] I am even process 0 of 2 (world rank 0); split: 0 of 2; world ranks here sum to 2
 * [stdout:1] I am odd process 0 of 2 (world rank 1); split: 0 of 2; world ranks here sum to 4
 * [stdout:2] I am even process 1 of 2 (world rank 2); split: 1 of 2; world ranks here sum to 2
 * [stdout:3] I am odd process 1 of 2 (world rank 3); split: 1 of 2; world ranks here sum to 4
 * </pre>
 */
public final class EvenOdd {

    private EvenOdd() {
    }

    /** One rank's place in its parity's communicator, made by groups and by split, and its sum of world ranks. */
    record Membership(int worldRank, boolean odd, int groupRank, int groupSize, int splitRank, int splitSize,
            int sumOfWorldRanks) implements Serializable {
    }

    /** The world ranks of one parity: 0, 2, 4... or 1, 3, 5... */
    static int[] ranksOfParity(int size, int parity) {
        return IntStream.range(0, size).filter(r -> r % 2 == parity).toArray();
    }

    /** Makes this rank's parity communicator both ways, and prints where it stands in it. */
    static Membership evenOdd(Communicator comm) {
        int rank = comm.rank();
        boolean odd = rank % 2 != 0;
        Group world = comm.group();

        // By groups: the odd ones are the world without the even ones, and the other way round.
        Group oddGroup = world.excl(ranksOfParity(comm.size(), 0));
        Group evenGroup = world.excl(ranksOfParity(comm.size(), 1));
        Communicator oddComm = comm.create(oddGroup);   // every rank calls both: null outside the group
        Communicator evenComm = comm.create(evenGroup);
        Communicator mine = odd ? oddComm : evenComm;

        // By split: one call, color = parity, key = world rank (keeps the order)
        Communicator split = comm.split(rank % 2, rank);

        int[] sum = new int[1];
        mine.allreduce(new int[] {rank}, sum, Op.SUM);
        System.out.printf("I am %s process %d of %d (world rank %d); split: %d of %d; world ranks here sum to %d%n",
                odd ? "odd" : "even", mine.rank(), mine.size(), rank, split.rank(), split.size(), sum[0]);
        return new Membership(rank, odd, mine.rank(), mine.size(), split.rank(), split.size(), sum[0]);
    }

    public static void main(String[] args) {
        Examples.printEachRank("EvenOdd", args, EvenOdd::evenOdd);
    }
}
