# sam build's recipe (template.yaml: Metadata BuildMethod makefile). sam runs one build-<LogicalId> target per
# function with ARTIFACTS_DIR set; the first runs the Maven reactor once for all four jars, the others find them
# up to date. Each target copies the shaded jar that the function's CodeUri names into $(ARTIFACTS_DIR)/lib/,
# where Lambda's Java runtime puts every jar on the class path.
#
#   sam build                      (samconfig.toml: build in source, one function after another)
#   make jars                      the jars alone, as ./mvnw -DskipTests package would build them

MVNW ?= ./mvnw
MAVEN_FLAGS ?= -B -ntp -q -DskipTests
MODULES := functions/issue-gift-order,functions/sync-coupons,functions/redeem-order-token,functions/renew-domain
STAMP := target/sam/jars.stamp
# What the jars are built from; the stamp is rebuilt when any of it changed. Not parallel-safe: sam build runs
# the targets one after another unless --parallel is given (samconfig.toml leaves it off).
SOURCES := pom.xml $(wildcard .mvn/wrapper/*) $(shell find shared functions infra/aot \
	\( -name target -o -name node_modules \) -prune -o -type f \( -path '*/src/main/*' -o -name pom.xml -o -path 'infra/aot/*' \) -print)

.PHONY: jars build-IssueGiftOrderFunction build-SyncCouponsFunction build-RedeemOrderTokenFunction build-RenewDomainFunction

jars: $(STAMP)

$(STAMP): $(SOURCES)
	$(MVNW) $(MAVEN_FLAGS) package -pl $(MODULES) -am
	mkdir -p $(dir $@)
	touch $@

# $(call lambda-jar,<module>): the function's shaded jar into the artifacts folder, as lib/<name>-lambda.jar.
define lambda-jar
	test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run sam build, or make jars" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/$(1)/target/$(1)-lambda.jar "$(ARTIFACTS_DIR)/lib/"
endef

build-IssueGiftOrderFunction: $(STAMP)
	$(call lambda-jar,issue-gift-order)

build-SyncCouponsFunction: $(STAMP)
	$(call lambda-jar,sync-coupons)

build-RedeemOrderTokenFunction: $(STAMP)
	$(call lambda-jar,redeem-order-token)

build-RenewDomainFunction: $(STAMP)
	$(call lambda-jar,renew-domain)
