package io.driftproof.agent.collect.apk;

import io.driftproof.agent.collect.PackageList;
import io.driftproof.agent.inventory.Collector;
import io.driftproof.agent.inventory.CollectorOutput;
import io.driftproof.agent.inventory.ScanContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/** Installed Alpine packages, read straight from apk's database under the host root. */
public final class ApkPackagesCollector implements Collector {

    public static final String ID = "apk_packages";
    static final String INSTALLED = "/lib/apk/db/installed";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(ScanContext context) {
        return Files.isRegularFile(context.root().resolve(INSTALLED));
    }

    @Override
    public List<String> watchPaths() {
        return List.of(INSTALLED);
    }

    @Override
    public void collect(ScanContext context, CollectorOutput output) {
        PackageList list;
        try (InputStream in = Files.newInputStream(context.root().resolve(INSTALLED))) {
            list = ApkInstalledParser.parse(in);
        } catch (IOException e) {
            output.problem(INSTALLED, "cannot read the apk database: " + e.getMessage());
            return;
        }
        list.problems().forEach(p -> output.problem(INSTALLED, p));
        list.packages().forEach(p -> output.item(p.toItem("apk", ID)));
    }
}
