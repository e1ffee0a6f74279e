package io.driftproof.loadgen.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** CPU time of one process, all its threads, from /proc/PID/stat (utime + stime, in clock ticks). */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Empty when the process is gone (or never was). */
    static OptionalLong ticks(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }
}
