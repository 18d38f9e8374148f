package io.opsdoc.rules.terraform;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family. */
public final class TerraformRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(new UnencryptedStorageRule(), new NoStateLockingRule(), new BackupRetentionRule(),
                new DeletionProtectionRule(), new OpenIngressRule(), new OutdatedTlsPolicyRule(),
                new UnpinnedVersionRule());
    }
}
