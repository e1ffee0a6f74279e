package io.driftproof.loadgen.fleet;

import io.driftproof.proto.v1.ContentState;

/**
 * One file under /etc of the fleet's image. Captured files are text whose content ships; the
 * others ship their hash only, as the agent does for sensitive, binary and large files.
 *
 * @param contentBytes size of the content the file has in each of its versions
 */
public record CatalogFile(String path, int mode, String owner, String group, long uid, long gid, ContentState state,
                          int contentBytes) {

    public boolean captured() {
        return state == ContentState.CAPTURED;
    }
}
