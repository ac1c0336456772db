package io.partnerlink.local.template;

import java.util.List;

/** An {@code AWS::DynamoDB::Table} as the runner creates it in DynamoDB Local. */
public record TableSpec(String logicalId, String name, List<Attribute> attributes, List<Key> keySchema,
                        List<Index> globalIndexes, List<Index> localIndexes, String ttlAttribute,
                        String streamViewType) {

    public record Attribute(String name, String type) {
    }

    /** {@code type} is HASH or RANGE. */
    public record Key(String name, String type) {
    }

    /** {@code nonKeyAttributes} only for projection INCLUDE. */
    public record Index(String name, List<Key> keySchema, String projectionType, List<String> nonKeyAttributes) {
    }
}
