"""Seed both lab clouds and write $LAB_DIR/clouds.yaml and $LAB_DIR/lab.json.

One Python process with the Debian client libraries: the openstack CLI costs ~2 s a
call (lab notes, gotcha 13). Every step is idempotent (find by name, create if
missing), so up.sh can run it on every start. A step that fails does not stop the
others: it is recorded in lab.json "unavailable" with the reason.

Configuration comes from the environment set by up.sh (see SEED_* below).
"""
import base64
import glob
import json
import os
import struct
import sys
import time
import traceback

import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from glanceclient import client as glance_client
from keystoneauth1 import exceptions as ks_exc
from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client as keystone_client
from neutronclient.v2_0 import client as neutron_client
from novaclient import client as nova_client

LAB_DIR = os.environ["SEED_LAB_DIR"]
ADMIN_PW = os.environ["SEED_ADMIN_PASSWORD"]
DEMO_PW = os.environ["SEED_DEMO_PASSWORD"]
# {"lab-a": {"auth_url", "regions", "region_kinds", "services": {type: [catalog_url, health_url]},
#            "glances": [{"name", "url", "regions"}], ...}}
CLOUDS = json.loads(os.environ["SEED_CLOUDS"])
COMPUTES = int(os.environ.get("SEED_COMPUTES", "3"))
FEDERATION = json.loads(os.environ.get("SEED_FEDERATION", "null"))

# novaclient 18.1 (Zed) speaks up to 2.92; Nova Zed serves up to 2.93.
NOVA_MICROVERSION = "2.92"
unavailable = []   # [{"service", "reason"}]
log_lines = []


def log(msg):
    print(f"[seed {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def step(name, results, fn, *args):
    """Run one seeding step; record its failure instead of stopping the seed."""
    try:
        t0 = time.time()
        results[name] = fn(*args)
        log(f"{name}: ok ({time.time() - t0:.1f} s)")
    except Exception as e:  # noqa: BLE001 - every failure is reported, none is fatal
        reason = f"{type(e).__name__}: {e}".strip()[:500]
        unavailable.append({"service": f"seed:{name}", "reason": reason})
        log(f"{name}: FAILED {reason}")
        traceback.print_exc()


def session_for(auth_url, user, password, project):
    scope = {"project_name": project, "project_domain_name": "Default"} if project else {}
    auth = v3.Password(auth_url=auth_url, username=user, password=password,
                       user_domain_name="Default", **scope)
    # connect_retries: uwsgi may be restarting a worker; never loop forever.
    return ks_session.Session(auth=auth, timeout=60)


# ---------------------------------------------------------------- identity

def ensure_identity(ks):
    roles = {r.name: r for r in ks.roles.list()}
    for name in ("member", "reader"):
        if name not in roles:
            roles[name] = ks.roles.create(name=name)
    projects = {p.name: p for p in ks.projects.list(domain="default")}
    demo_p = projects.get("demo") or ks.projects.create(name="demo", domain="default",
                                                         description="Archipelago lab demo project")
    users = {u.name: u for u in ks.users.list(domain="default")}
    demo_u = users.get("demo") or ks.users.create(name="demo", domain="default", password=DEMO_PW,
                                                  default_project=demo_p, email="demo@lab.invalid")
    try:
        session_for(ks.session.auth.auth_url, "demo", DEMO_PW, None).get_token()
    except ks_exc.Unauthorized:
        # Keep the documented password true. A password change revokes the user's
        # tokens issued in the same second, hence the pause before anyone signs in.
        ks.users.update(demo_u, password=DEMO_PW)
        time.sleep(1.1)
    ks.roles.grant(roles["member"], user=demo_u, project=demo_p)
    admin_u = users["admin"]
    # The admin can look into demo's project (tests compare admin and member views).
    ks.roles.grant(roles["admin"] if "admin" in roles else ks.roles.find(name="admin"),
                   user=admin_u, project=demo_p)
    return {"projects": ["admin", "demo", "service"], "users": ["admin", "demo"], "demo_project_id": demo_p.id,
            "demo_user_id": demo_u.id}


def ensure_appcred(cloud, auth_url, demo_user_id):
    """The secret is only returned at creation: keep it in state/ and reuse it while it works."""
    path = os.path.join(LAB_DIR, "state", f"appcred-{cloud}.json")
    name = "archipelago-lab"
    if os.path.exists(path):
        saved = json.load(open(path))
        try:
            s = ks_session.Session(auth=v3.ApplicationCredential(
                auth_url=auth_url, application_credential_id=saved["id"],
                application_credential_secret=saved["secret"]), timeout=30)
            s.get_token()
            return saved
        except ks_exc.ClientException:
            pass
    sess = session_for(auth_url, "demo", DEMO_PW, "demo")
    ks = keystone_client.Client(session=sess, interface="public")
    for ac in ks.application_credentials.list(user=demo_user_id):
        if ac.name == name:
            ks.application_credentials.delete(ac)
    ac = ks.application_credentials.create(name=name, user=demo_user_id,
                                           description="Archipelago lab: demo in project demo")
    saved = {"id": ac.id, "secret": ac.secret, "name": name}
    with open(path, "w") as f:
        json.dump(saved, f)
    os.chmod(path, 0o600)
    return saved


# ---------------------------------------------------------------- images and keys

def qcow2_bytes(virtual_size=64 * 1024 * 1024):
    """A 4 KiB file with a valid qcow2 v3 header: Glance's format inspector reads the
    virtual size from it. Nothing boots it (the fake driver never reads images)."""
    hdr = struct.pack(">4sIQIIQIIQQIIQQQQII", b"QFI\xfb", 3, 0, 0, 16, virtual_size, 0, 1,
                      0x30000, 0x10000, 1, 0, 0, 0, 0, 0, 4, 104)
    return hdr + b"\0" * (4096 - len(hdr))


def raw_bytes(seed, size=8192):
    return bytes((i * 31 + seed) % 251 for i in range(size))


def image_bytes(spec):
    return qcow2_bytes() if spec["disk_format"] == "qcow2" else raw_bytes(len(spec["name"]))


def create_image(gl, spec, **extra):
    props = spec.get("properties", {})
    img = gl.images.create(name=spec["name"], disk_format=spec["disk_format"], container_format="bare",
                           visibility=spec.get("visibility", "public"), min_disk=0, min_ram=0, **props, **extra)
    path = os.path.join(LAB_DIR, "data", f"seed-{spec['name']}.img")
    with open(path, "wb") as f:
        f.write(image_bytes(spec))
    with open(path, "rb") as f:
        gl.images.upload(img["id"], f)
    return img


def ensure_images(sess, region, specs):
    """The seeded images in the cloud's first Glance; returns their ids by name."""
    gl = glance_client.Client("2", session=sess, region_name=region)
    existing = {i["name"]: i for i in gl.images.list()}
    out = {}
    for spec in specs:
        img = existing.get(spec["name"])
        if img and img["status"] != "active":
            gl.images.delete(img["id"])
            img = None
        if img:
            # Glance moves an image made before its stores were renamed to the store whose
            # folder holds the data, but only when the image is read by id, not listed.
            gl.images.get(img["id"])
        out[spec["name"]] = (img or create_image(gl, spec))["id"]
    return out


def mirror_images(sess, region, specs, ids):
    """The seeded images in another Glance of the same cloud, with the same ids and bytes.
    lab-a has one Nova for all regions, and it reads images from RegionOne's Glance: an
    edge-1 server booted from an edge-1 image id is found only if that id is the same."""
    gl = glance_client.Client("2", session=sess, region_name=region)
    existing = {i["name"]: i for i in gl.images.list()}
    for spec in specs:
        img = existing.get(spec["name"])
        if img and (img["status"] != "active" or img["id"] != ids[spec["name"]]):
            gl.images.delete(img["id"])
            img = None
        if not img:
            create_image(gl, spec, id=ids[spec["name"]])
    return sorted(ids)


def describe_glances(sess, glances):
    """What each Glance of the cloud offers, as it says itself: import methods and stores."""
    out = {}
    for g in glances:
        where = {"service_type": "image", "interface": "public", "region_name": g["regions"][0]}
        methods = sess.get("/v2/info/import", endpoint_filter=where).json()["import-methods"]["value"]
        stores = sess.get("/v2/info/stores", endpoint_filter=where).json()["stores"]
        out[g["name"]] = {"url": g["url"], "regions": g["regions"], "import_methods": methods,
                          "stores": [st["id"] for st in stores],
                          "default_store": next((st["id"] for st in stores if str(st.get("default")).lower() == "true"), None)}
    return out


def public_key(name):
    """Deterministic per name would need a seeded RNG; a new key is fine, and it is
    kept in state/ so a re-run registers the same one."""
    path = os.path.join(LAB_DIR, "state", f"key-{name}.pub")
    if not os.path.exists(path):
        key = ed25519.Ed25519PrivateKey.generate()
        pub = key.public_key().public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
        with open(path, "w") as f:
            f.write(pub.decode() + f" {name}@archipelago-lab\n")
    return open(path).read().strip()


def ensure_keypairs(nova, names):
    existing = {k.name for k in nova.keypairs.list()}
    for n in names:
        if n not in existing:
            nova.keypairs.create(n, public_key=public_key(n))
    return names


# ---------------------------------------------------------------- compute

FLAVORS = [("m1.tiny", 512, 1, 1), ("m1.small", 2048, 1, 20), ("m1.medium", 4096, 2, 40)]


def ensure_flavors(nova):
    existing = {f.name for f in nova.flavors.list(is_public=None)}
    for name, ram, vcpus, disk in FLAVORS:
        if name not in existing:
            nova.flavors.create(name, ram, vcpus, disk, is_public=True)
    return [f[0] for f in FLAVORS]


def wait_computes(nova, n, timeout=120):
    """Computes register, then the scheduler maps them to cell1 (every 10 s)."""
    deadline = time.time() + timeout
    hosts = []
    while time.time() < deadline:
        # Not the detailed list: from 2.88 it asks every compute for its uptime over RPC,
        # which blocks until the RPC timeout while a compute is still starting.
        hosts = sorted(h.hypervisor_hostname for h in nova.hypervisors.list(detailed=False) if h.state == "up")
        up = [s for s in nova.services.list(binary="nova-compute") if s.state == "up"]
        if len(hosts) >= n and len(up) >= n:
            return hosts
        time.sleep(2)
    if not hosts:
        raise RuntimeError(f"no nova-compute became a mapped hypervisor within {timeout} s")
    return hosts


def ensure_aggregates(nova, hosts):
    """One aggregate + availability zone per site: the first host is the "central" site,
    the next two are the edge sites. Every host gets an AZ on purpose: Nova filters
    hosts by AZ through placement aggregates, so asking for the default AZ "nova"
    restricts nothing and a server may land on an edge host."""
    sites = {}
    names = ["central", "edge-site-1", "edge-site-2"]
    existing = {a.name: a for a in nova.aggregates.list()}
    for name, host in zip(names, hosts):
        agg = existing.get(name) or nova.aggregates.create(name, name)
        if host not in agg.hosts:
            agg = nova.aggregates.add_host(agg, host)
        kind = "central" if name == "central" else "edge"
        nova.aggregates.set_metadata(agg, {"archipelago:site": name, "archipelago:kind": kind})
        sites[name] = {"aggregate": name, "availability_zone": name, "kind": kind, "hosts": [host]}
    return sites


def wait_servers(nova, ids, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        states = {i: nova.servers.get(i).status for i in ids}
        if all(s in ("ACTIVE", "ERROR") for s in states.values()):
            return states
        time.sleep(1.5)
    return {i: nova.servers.get(i).status for i in ids}


def delete_and_wait(nova, server, timeout=60):
    nova.servers.delete(server)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            nova.servers.get(server.id)
            time.sleep(1)
        except Exception:  # noqa: BLE001 - gone
            return


def ensure_servers(nova, neutron_ok, net_id, image_id, specs, attempts=2):
    """Boot what is missing; a server in ERROR is deleted and booted again (bounded)."""
    out = {}
    for attempt in range(1, attempts + 1):
        existing = {s.name: s for s in nova.servers.list()}
        ids = {}
        for spec in specs:
            s = existing.get(spec["name"])
            if s and s.status == "ERROR":
                log(f"server {spec['name']} is in ERROR ({getattr(s, 'fault', {}).get('message', '?')}), booting it again")
                delete_and_wait(nova, s)
                s = None
            if not s:
                kw = {"key_name": spec["key"], "availability_zone": spec.get("az"),
                      "meta": {"archipelago:site": spec.get("site", "central")}}
                kw["nics"] = [{"net-id": net_id}] if neutron_ok and net_id else "none"
                s = nova.servers.create(spec["name"], image_id, nova.flavors.find(name=spec["flavor"]).id, **kw)
            ids[spec["name"]] = s.id
        states = wait_servers(nova, list(ids.values()))
        out = {name: states[i] for name, i in ids.items()}
        if all(st == "ACTIVE" for st in out.values()):
            by_name = {sp["name"]: sp for sp in specs}
            az = {name: getattr(nova.servers.get(i), "OS-EXT-AZ:availability_zone", None) for name, i in ids.items()}
            return {name: {"status": st, "availability_zone": az[name],
                           "site": by_name[name].get("site", "central"), "flavor": by_name[name]["flavor"],
                           "key_name": by_name[name]["key"],
                           "network": "demo-net" if neutron_ok and net_id else None}
                    for name, st in out.items()}
    raise RuntimeError(f"servers not ACTIVE after {attempts} attempts: "
                       f"{ {n: st for n, st in out.items() if st != 'ACTIVE'} }")


# ---------------------------------------------------------------- network

def one(lst):
    return lst[0] if lst else None


def ensure_network(neutron_admin, neutron_demo, demo_project_id):
    net = lambda c, name: one(c.list_networks(name=name)["networks"])  # noqa: E731
    sub = lambda c, name: one(c.list_subnets(name=name)["subnets"])    # noqa: E731

    public = net(neutron_admin, "public") or neutron_admin.create_network({"network": {
        "name": "public", "router:external": True, "shared": False,
        "provider:network_type": "flat", "provider:physical_network": "public"}})["network"]
    if not sub(neutron_admin, "public-subnet"):
        # TEST-NET-3 (RFC 5737): documentation addresses, never routed anywhere.
        neutron_admin.create_subnet({"subnet": {"name": "public-subnet", "network_id": public["id"],
                                                "ip_version": 4, "cidr": "203.0.113.0/24",
                                                "enable_dhcp": False}})
    demo_net = net(neutron_demo, "demo-net") or neutron_demo.create_network(
        {"network": {"name": "demo-net"}})["network"]
    v4 = sub(neutron_demo, "demo-subnet") or neutron_demo.create_subnet({"subnet": {
        "name": "demo-subnet", "network_id": demo_net["id"], "ip_version": 4, "cidr": "10.10.0.0/24",
        "dns_nameservers": []}})["subnet"]
    v6_net = net(neutron_demo, "demo-net-v6") or neutron_demo.create_network(
        {"network": {"name": "demo-net-v6"}})["network"]
    v6 = sub(neutron_demo, "demo-subnet-v6") or neutron_demo.create_subnet({"subnet": {
        "name": "demo-subnet-v6", "network_id": v6_net["id"], "ip_version": 6, "cidr": "fd00:10::/64",
        "ipv6_ra_mode": "slaac", "ipv6_address_mode": "slaac"}})["subnet"]
    router = one(neutron_demo.list_routers(name="demo-router")["routers"]) or neutron_demo.create_router(
        {"router": {"name": "demo-router"}})["router"]
    if not router.get("external_gateway_info"):
        neutron_admin.add_gateway_router(router["id"], {"network_id": public["id"]})
    ports = neutron_demo.list_ports(device_id=router["id"])["ports"]
    attached = {ip["subnet_id"] for p in ports for ip in p.get("fixed_ips", [])}
    for s in (v4, v6):
        if s["id"] not in attached:
            neutron_demo.add_interface_router(router["id"], {"subnet_id": s["id"]})

    sgs = neutron_demo.list_security_groups(project_id=demo_project_id)["security_groups"]
    default = next((g for g in sgs if g["name"] == "default"), None)
    web = next((g for g in sgs if g["name"] == "web"), None) or neutron_demo.create_security_group(
        {"security_group": {"name": "web", "description": "HTTP and HTTPS from anywhere"}})["security_group"]
    want = [(default, "tcp", 22, 22, "0.0.0.0/0", "IPv4"), (default, "icmp", None, None, "0.0.0.0/0", "IPv4"),
            (web, "tcp", 80, 80, "0.0.0.0/0", "IPv4"), (web, "tcp", 443, 443, "0.0.0.0/0", "IPv4"),
            (web, "tcp", 443, 443, "::/0", "IPv6")]
    for g, proto, pmin, pmax, prefix, eth in want:
        if g is None:
            continue
        rules = neutron_demo.list_security_group_rules(security_group_id=g["id"])["security_group_rules"]
        if any(r["protocol"] == proto and r["port_range_min"] == pmin and r["direction"] == "ingress"
               and r["remote_ip_prefix"] == prefix for r in rules):
            continue
        neutron_demo.create_security_group_rule({"security_group_rule": {
            "security_group_id": g["id"], "direction": "ingress", "protocol": proto, "ethertype": eth,
            "port_range_min": pmin, "port_range_max": pmax, "remote_ip_prefix": prefix}})
    fips = neutron_demo.list_floatingips(floating_network_id=public["id"])["floatingips"]
    if not fips:
        neutron_demo.create_floatingip({"floatingip": {"floating_network_id": public["id"],
                                                       "description": "archipelago lab"}})
    return {"networks": ["public", "demo-net", "demo-net-v6"],
            "subnets": ["public-subnet", "demo-subnet", "demo-subnet-v6"],
            "routers": ["demo-router"], "security_groups": ["default", "web"], "floating_ips": 1,
            "demo_net_id": demo_net["id"]}


# ---------------------------------------------------------------- federation

def ensure_federation(ks, fed):
    """Domain, group (member of demo), mapping, identity provider and protocol 'openid'.
    The domain cannot be called 'federated': Keystone reserves that name (gotcha 10)."""
    domains = {d.name: d for d in ks.domains.list()}
    dom = domains.get(fed["federated_domain"]) or ks.domains.create(
        name=fed["federated_domain"], description="Users signed in through the lab OIDC provider")
    group = next((g for g in ks.groups.list(domain=dom) if g.name == fed["group"]), None) \
        or ks.groups.create(name=fed["group"], domain=dom)
    member = ks.roles.find(name="member")
    for pname in fed["projects"]:
        project = next(p for p in ks.projects.list(domain="default") if p.name == pname)
        ks.roles.grant(member, group=group, project=project)
    rules = [{
        "local": [{"user": {"name": "{0}", "email": "{1}"}},
                  {"group": {"name": fed["group"], "domain": {"name": fed["federated_domain"]}}}],
        "remote": [{"type": "OIDC_CLAIM_preferred_username"}, {"type": "OIDC_CLAIM_email"}],
    }]
    fedm = ks.federation
    if any(m.id == fed["mapping"] for m in fedm.mappings.list()):
        fedm.mappings.update(fed["mapping"], rules=rules)
    else:
        fedm.mappings.create(mapping_id=fed["mapping"], rules=rules)
    if not any(i.id == fed["identity_provider"] for i in fedm.identity_providers.list()):
        fedm.identity_providers.create(id=fed["identity_provider"], remote_ids=[fed["issuer"]],
                                       domain_id=dom.id, enabled=True,
                                       description="Archipelago lab OpenID provider")
    protocols = {p.id for p in fedm.protocols.list(fed["identity_provider"])}
    if "openid" not in protocols:
        fedm.protocols.create("openid", fed["identity_provider"], mapping=fed["mapping"])
    return {"domain": dom.name, "group": group.name}


def check_federation(fed):
    """Prove the whole path: OIDC code flow -> JWT access token -> Apache
    (mod_auth_openidc) -> Keystone OS-FEDERATION -> unscoped token -> demo project token."""
    import subprocess
    import urllib.request
    out = subprocess.run(fed["get_token"].split(), capture_output=True, text=True, timeout=60, check=True)
    access_token = json.loads(out.stdout)["access_token"]
    req = urllib.request.Request(fed["exchange_url"], method="POST", data=b"",
                                 headers={"Authorization": f"Bearer {access_token}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        unscoped = r.headers["X-Subject-Token"]
        body = json.load(r)
    user = body["token"]["user"]
    s = ks_session.Session(auth=v3.Token(auth_url=fed["keystone_auth_url"], token=unscoped,
                                         project_name="demo", project_domain_name="Default"), timeout=30)
    s.get_token()
    return {"exchanged": True, "user": user["name"], "user_domain": user["domain"]["name"],
            "scoped_to": "demo"}


# ---------------------------------------------------------------- main

def probe(url):
    import urllib.request
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status < 500
    except urllib.error.HTTPError as e:
        return e.code < 500
    except Exception:  # noqa: BLE001
        return False


def seed_cloud(name, c):
    auth_url = c["auth_url"]
    res = {}
    admin = session_for(auth_url, "admin", ADMIN_PW, "admin")
    ks = keystone_client.Client(session=admin, interface="public")
    step("identity", res, ensure_identity, ks)
    if "identity" not in res:
        return res
    step("application_credential", res, ensure_appcred, name, auth_url, res["identity"]["demo_user_id"])
    if FEDERATION and c.get("federation"):
        step("federation", res, ensure_federation, ks, FEDERATION)
        if "federation" in res:
            step("federation_exchange", res, check_federation, FEDERATION)
    demo = session_for(auth_url, "demo", DEMO_PW, "demo")
    up = c["services_up"]
    if up.get("image"):
        first, *others = c["glances"]
        step("images", res, ensure_images, admin, first["regions"][0], c["images"])
        if "images" in res:
            for g in others:
                step("image_mirrors", res, mirror_images, admin, g["regions"][0], c["images"], res["images"])
        step("glances", res, describe_glances, admin, c["glances"])
    if up.get("compute"):
        nova_admin = nova_client.Client(NOVA_MICROVERSION, session=admin, region_name="RegionOne")
        nova_demo = nova_client.Client(NOVA_MICROVERSION, session=demo, region_name="RegionOne")
        step("flavors", res, ensure_flavors, nova_admin)
        step("keypairs", res, ensure_keypairs, nova_demo, c["keypairs"])
    elif c.get("keypairs"):
        unavailable.append({"service": f"seed:{name}:keypairs",
                            "reason": "keypairs are a Nova resource and this cloud runs no Nova"})
    neutron_ok = False
    if up.get("network"):
        na = neutron_client.Client(session=admin, region_name="RegionOne")
        nd = neutron_client.Client(session=demo, region_name="RegionOne")
        step("network", res, ensure_network, na, nd, res["identity"]["demo_project_id"])
        neutron_ok = "network" in res
    if up.get("compute") and c.get("servers"):
        step("computes", res, wait_computes, nova_admin, COMPUTES)
        if res.get("computes"):
            step("aggregates", res, ensure_aggregates, nova_admin, res["computes"])
            sites = res.get("aggregates", {})
            specs = [s for s in c["servers"] if s["az"] in sites]
            image_id = res.get("images", {}).get(c["images"][0]["name"])
            net_id = res.get("network", {}).get("demo_net_id")
            step("servers", res, ensure_servers, nova_demo, neutron_ok, net_id, image_id, specs)
    return res


def main():
    results = {}
    # Clouds that boot servers go last: their computes get a few more seconds to register.
    for name, c in sorted(CLOUDS.items(), key=lambda kv: bool(kv[1].get("servers"))):
        c["services_up"] = {t: probe(u[1]) for t, u in c["services"].items()}
        for t, ok in c["services_up"].items():
            if not ok and not any(u["service"] == f"{name}:{t}" for u in unavailable):
                unavailable.append({"service": f"{name}:{t}", "reason": f"{c['services'][t][1]} did not answer"})
        if not c["services_up"].get("identity"):
            results[name] = {}
            continue
        log(f"seeding {name}")
        try:
            results[name] = seed_cloud(name, c)
        except Exception as e:  # noqa: BLE001 - still write what we have
            traceback.print_exc()
            unavailable.append({"service": f"seed:{name}", "reason": f"{type(e).__name__}: {e}"[:500]})
            results[name] = {}
    write_outputs(results)
    return 0


def write_outputs(results):
    # up.sh records services that could not run in state/unavailable/<service>.
    for f in sorted(glob.glob(os.path.join(LAB_DIR, "state", "unavailable", "*"))):
        unavailable.append({"service": os.path.basename(f), "reason": open(f).read().strip()})

    clouds_yaml = {"clouds": {}}
    lab = {"version": 1, "lab_dir": LAB_DIR, "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "clouds": {}, "unavailable": unavailable}
    for name, c in CLOUDS.items():
        r = results.get(name, {})
        base = {"auth_url": c["auth_url"], "user_domain_name": "Default", "project_domain_name": "Default"}
        common = {"region_name": "RegionOne", "identity_api_version": 3, "interface": "public"}
        clouds_yaml["clouds"][name] = {"auth": dict(base, username="demo", password=DEMO_PW, project_name="demo"),
                                       **common}
        clouds_yaml["clouds"][f"{name}-admin"] = {
            "auth": dict(base, username="admin", password=ADMIN_PW, project_name="admin"), **common}
        ac = r.get("application_credential")
        if ac:
            clouds_yaml["clouds"][f"{name}-appcred"] = {
                "auth_type": "v3applicationcredential",
                "auth": {"auth_url": c["auth_url"], "application_credential_id": ac["id"],
                         "application_credential_secret": ac["secret"]}, **common}
        ident = r.get("identity", {})
        net = r.get("network", {})
        entry = {
            "auth_url": c["auth_url"],
            "regions": c["regions"],
            "region_kinds": c.get("region_kinds", {}),
            # A region's catalog endpoint of a type is the same one service instance, but for
            # Glance: "glances" says which regions each Glance serves.
            "services": {t: {"url": u[0], "health_url": u[1], "up": bool(c.get("services_up", {}).get(t)),
                             "regions": next((g["regions"] for g in c["glances"] if g["url"] == u[0]), c["regions"])
                             if t == "image" else c["regions"]} for t, u in c["services"].items()},
            "glances": r.get("glances") or {g["name"]: dict(g, import_methods=[], stores=[], default_store=None)
                                            for g in c["glances"]},
            "credentials": {
                "demo": {"username": "demo", "password": DEMO_PW, "project_name": "demo",
                         "user_domain_name": "Default", "project_domain_name": "Default"},
                "admin": {"username": "admin", "password": ADMIN_PW, "project_name": "admin",
                          "user_domain_name": "Default", "project_domain_name": "Default"},
                "application_credential": ac and {"id": ac["id"], "secret": ac["secret"], "name": ac["name"]},
            },
            "clouds_yaml_names": [n for n in clouds_yaml["clouds"] if n == name or n.startswith(name + "-")],
            "seeded": {
                "projects": ident.get("projects", []), "users": ident.get("users", []),
                "images": list(r.get("images", {})), "flavors": r.get("flavors", []), "keypairs": r.get("keypairs", []),
                "networks": net.get("networks", []), "subnets": net.get("subnets", []),
                "routers": net.get("routers", []), "security_groups": net.get("security_groups", []),
                "floating_ips": net.get("floating_ips", 0),
                "hypervisors": r.get("computes", []),
                "sites": r.get("aggregates", {}),
                "servers": r.get("servers", {}),
            },
        }
        entry["seeded"]["counts"] = {k: (len(v) if isinstance(v, (list, dict)) else v)
                                     for k, v in entry["seeded"].items()}
        lab["clouds"][name] = entry
    if FEDERATION:
        fr = results.get("lab-a", {})
        lab["federation"] = dict(FEDERATION, cloud="lab-a", verified=fr.get("federation_exchange", {}))
    for path, data, dump in ((os.path.join(LAB_DIR, "clouds.yaml"), clouds_yaml,
                              lambda d, f: yaml.safe_dump(d, f, sort_keys=False)),
                             (os.path.join(LAB_DIR, "lab.json"), lab, lambda d, f: json.dump(d, f, indent=2))):
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            dump(data, f)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    log(f"wrote {LAB_DIR}/clouds.yaml and {LAB_DIR}/lab.json ({len(unavailable)} unavailable)")


if __name__ == "__main__":
    sys.exit(main())
