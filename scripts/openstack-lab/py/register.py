"""Catalog and service users for one lab cloud, idempotently.

Run before the other services start: keystonemiddleware in Glance/Nova/Neutron/
Placement authenticates as these service users. lab-a's endpoints point to one
instance of each service for all three regions (RegionOne, RegionTwo, edge-1): the
machine has 2 cores, so a second Nova per region would buy nothing but memory. The
exception is Glance: edge-1 has its own, so glance-download has two Glances to join.

usage: register.py AUTH_URL ADMIN_PASSWORD SERVICE_PASSWORD JSON_SPEC
JSON_SPEC: {"regions": [{"id", "description"}], "services": [{"name", "type", "url",
            "user": bool, "region_urls": {region: url}}]}; identity endpoints are added
            for every region. "region_urls" gives a region its own instance of the service
            (lab-a's edge-1 has its own Glance); an endpoint whose URL changed is updated.
"""
import json
import sys

from keystoneauth1 import session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client


def main():
    auth_url, admin_pw, service_pw, spec = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    sess = session.Session(auth=v3.Password(
        auth_url=auth_url, username="admin", password=admin_pw, project_name="admin",
        user_domain_id="default", project_domain_id="default"))
    ks = client.Client(session=sess, interface="public")

    regions = {r.id for r in ks.regions.list()}
    for r in spec["regions"]:
        if r["id"] not in regions:
            ks.regions.create(id=r["id"], description=r.get("description", ""))

    services = {s.type: s for s in ks.services.list()}
    wanted = [{"name": "keystone", "type": "identity", "url": auth_url}] + spec["services"]
    endpoints = {(e.service_id, e.region_id, e.interface): e for e in ks.endpoints.list()}
    for s in wanted:
        svc = services.get(s["type"]) or ks.services.create(name=s["name"], type=s["type"], enabled=True)
        for r in spec["regions"]:
            url = s.get("region_urls", {}).get(r["id"], s["url"])
            for iface in ("public", "internal"):
                endpoint = endpoints.get((svc.id, r["id"], iface))
                if endpoint is None:
                    ks.endpoints.create(service=svc, url=url, interface=iface, region=r["id"], enabled=True)
                elif endpoint.url != url:
                    ks.endpoints.update(endpoint, url=url)

    roles = {r.name: r for r in ks.roles.list()}
    for name in ("service",):
        if name not in roles:
            roles[name] = ks.roles.create(name=name)
    projects = {p.name: p for p in ks.projects.list(domain="default")}
    service_project = projects.get("service") or ks.projects.create(name="service", domain="default")
    users = {u.name: u for u in ks.users.list(domain="default")}
    for s in spec["services"]:
        if not s.get("user"):
            continue
        u = users.get(s["name"]) or ks.users.create(name=s["name"], domain="default", password=service_pw)
        for role in ("admin", "service"):
            ks.roles.grant(roles[role], user=u, project=service_project)


if __name__ == "__main__":
    main()
