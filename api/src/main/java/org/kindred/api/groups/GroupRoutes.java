package org.kindred.api.groups;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;
import org.kindred.api.venues.VenueFilter;

public final class GroupRoutes {
    private static final String GROUP = "/v1/groups/{group_id}";

    private final GroupService groups;
    private final GroupMemberService members;
    private final Idempotency idempotency;

    public GroupRoutes(GroupService groups, GroupMemberService members, Idempotency idempotency) {
        this.groups = groups;
        this.members = members;
        this.idempotency = idempotency;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/v1/groups", idempotency.wrap(this::create));
        routes.get("/v1/groups", this::list);
        routes.get(GROUP, this::get);
        routes.patch(GROUP, this::update);
        routes.delete(GROUP, this::delete);
        routes.post(GROUP + "/members", idempotency.wrap(this::join));
        routes.get(GROUP + "/members", this::members);
        routes.get(GROUP + "/members/{member_id}", this::member);
        routes.post(GROUP + "/members/{member_id}/approve", this::approve);
        routes.delete(GROUP + "/members/{member_id}", this::remove);
    }

    private void create(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Group group = groups.create(caller, JsonBody.read(ctx, GroupInput.class));
        Responses.created(ctx, "/v1/groups/" + group.id(), group);
    }

    private void list(Context ctx) {
        Query query = Query.of(ctx, "limit", "cursor", "q", "program_id", "format", "topic", "language", "day", "near",
            "radius_km", "pet_friendly", "animals_present", "status", "updated_since");
        Optional<Principal> viewer = Authenticator.optional(ctx);
        GroupFilter filter = new GroupFilter(
            viewer.map(Principal::userId).orElse(null),
            viewer.map(Principal::admin).orElse(false),
            query.search("q"),
            query.id("program_id"),
            query.enumValue("format", GroupFormat.class),
            query.text("topic", 40),
            query.language("language"),
            query.integer("day", 0, 6),
            VenueFilter.Near.parse(query),
            query.bool("pet_friendly"),
            query.bool("animals_present"),
            query.enumValue("status", GroupStatus.class),
            query.instant("updated_since"));
        Responses.ok(ctx, groups.list(filter, query.page()));
    }

    private void get(Context ctx) {
        Query.of(ctx);
        Responses.resource(ctx, groups.get(Authenticator.optional(ctx), ctx.pathParam("group_id")));
    }

    private void update(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        JsonBody.MergePatch patch = JsonBody.mergePatch(ctx, "program_id");
        Group group = members.updateGroup(caller, ctx.pathParam("group_id"), ctx.header("If-Match"),
            current -> patch.applyTo(current, GroupInput.class));
        Responses.resource(ctx, group);
    }

    private void delete(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        groups.delete(caller, ctx.pathParam("group_id"), ctx.header("If-Match"));
        Responses.noContent(ctx);
    }

    private void join(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        GroupMember member = members.join(caller, ctx.pathParam("group_id"));
        Responses.created(ctx, "/v1/groups/" + member.groupId() + "/members/" + member.id(), member);
    }

    private void members(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor", "status");
        Responses.ok(ctx, members.list(caller, ctx.pathParam("group_id"),
            query.enumValue("status", GroupMemberStatus.class), query.page()));
    }

    private void member(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.resource(ctx, members.get(caller, ctx.pathParam("group_id"), ctx.pathParam("member_id")));
    }

    private void approve(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.ok(ctx, members.approve(caller, ctx.pathParam("group_id"), ctx.pathParam("member_id")));
    }

    private void remove(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        members.remove(caller, ctx.pathParam("group_id"), ctx.pathParam("member_id"), ctx.header("If-Match"));
        Responses.noContent(ctx);
    }
}
