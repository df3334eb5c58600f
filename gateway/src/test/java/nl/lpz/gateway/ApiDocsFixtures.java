package nl.lpz.gateway;

/** OpenAPI documents the stub backends serve. */
final class ApiDocsFixtures {
    private ApiDocsFixtures() {
    }

    static final String CAPACITY = """
            {"openapi":"3.1.0","info":{"title":"capacity-service","version":"1"},
             "servers":[{"url":"http://127.0.0.1:8081"}],
             "tags":[{"name":"topology"}],
             "paths":{
               "/api/v1/locations/{locationId}":{"put":{"tags":["topology"],"responses":{"200":{"description":"ok",
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Location"}}}}}},
                 "get":{"responses":{"200":{"description":"ok"}}}},
               "/internal/rebuild":{"post":{"responses":{"202":{"description":"ok"}}}}},
             "components":{"schemas":{
               "Location":{"type":"object","properties":{"name":{"type":"string"}}},
               "Problem":{"type":"object","properties":{"code":{"type":"string"}}}}}}
            """;

    static final String REPORTING = """
            {"openapi":"3.1.0","info":{"title":"reporting-service","version":"1"},
             "tags":[{"name":"read models"}],
             "paths":{
               "/api/v1/regions/{roazRegionId}/capacity":{"get":{"responses":{
                 "200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/RegionCapacity"}}}},
                 "404":{"description":"unknown","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
               "/api/v1/locations/{locationId}":{"delete":{"responses":{"204":{"description":"not routed here"}}}}},
             "components":{"schemas":{
               "RegionCapacity":{"type":"object"},
               "Problem":{"type":"object","properties":{"code":{"type":"string"},"detail":{"type":"string"}}}}}}
            """;
}
