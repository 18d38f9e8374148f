package io.opsdoc.rules.terraform;

import io.opsdoc.core.hcl.HclAttribute;
import io.opsdoc.core.hcl.HclBlock;
import io.opsdoc.core.hcl.HclExpr;
import io.opsdoc.core.hcl.HclRange;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The S3 state backends of a document: {@code terraform { backend "s3" { ... } }} and the
 * Terragrunt form {@code remote_state { backend = "s3" config = { ... } }}.
 */
final class S3Backends {
    private S3Backends() {
    }

    /** One setting of a backend: its value and where its name is. */
    record Setting(HclExpr value, Range name) {
    }

    /**
     * One S3 backend.
     *
     * @param anchor where a finding about a missing setting goes (the backend header)
     * @param settings the settings by name, in source order
     */
    record Backend(Range anchor, Map<String, Setting> settings) {
        Optional<Setting> get(String name) {
            return Optional.ofNullable(settings.get(name));
        }

        /**
         * An empty block is a partial configuration: the settings come from {@code -backend-config}
         * files or flags at {@code terraform init}, so nothing can be judged here.
         */
        boolean partial() {
            return settings.isEmpty();
        }
    }

    static List<Backend> find(List<Terraform.File> files) {
        List<Backend> backends = new ArrayList<>();
        for (Terraform.File file : files) {
            for (HclBlock terraform : file.body().blocks("terraform")) {
                for (HclBlock backend : terraform.body().blocks("backend")) {
                    if ("s3".equals(backend.label(0))) {
                        Map<String, Setting> settings = new LinkedHashMap<>();
                        for (HclAttribute attribute : backend.body().attributes()) {
                            settings.put(attribute.name(), new Setting(attribute.value(), file.name(attribute)));
                        }
                        backends.add(new Backend(file.header(backend), settings));
                    }
                }
            }
            for (HclBlock remote : file.body().blocks("remote_state")) {
                terragrunt(file, remote).ifPresent(backends::add);
            }
        }
        return backends;
    }

    private static Optional<Backend> terragrunt(Terraform.File file, HclBlock remote) {
        Optional<HclAttribute> kind = remote.body().attribute("backend");
        Optional<HclAttribute> config = remote.body().attribute("config");
        if (kind.flatMap(k -> Terraform.string(k.value())).filter("s3"::equals).isEmpty()
                || config.isEmpty() || !(Terraform.unwrap(config.get().value()) instanceof HclExpr.ObjectCons object)) {
            return Optional.empty();
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (HclExpr.ObjectItem item : object.items()) {
            HclRange key = item.key().range();
            item.keyName().ifPresent(name -> settings.put(name, new Setting(item.value(), file.range(key))));
        }
        return Optional.of(new Backend(file.header(remote), settings));
    }
}
