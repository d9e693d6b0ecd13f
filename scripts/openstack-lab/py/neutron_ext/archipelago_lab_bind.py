"""An ML2 mechanism driver that binds every port at once (lab only).

The lab runs Neutron without agents, so no real mechanism driver can bind a port and
Nova's boot on a network fails with PortBindingFailed (lab notes, gotcha 7). This
driver claims the first segment of every port with vif_type "ovs" and marks the port
ACTIVE, so fake-driver servers boot on real Neutron ports. No packets move.

Loaded by name "archipelago_lab_bind" through the entry point declared in the
dist-info beside this file; the directory is put on neutron-server's PYTHONPATH.
"""
from neutron_lib.api.definitions import portbindings
from neutron_lib import constants
from neutron_lib.plugins.ml2 import api


class BindEveryPortDriver(api.MechanismDriver):
    def initialize(self):
        pass

    @property
    def connectivity(self):
        return portbindings.CONNECTIVITY_L2

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(
                segment[api.ID], portbindings.VIF_TYPE_OVS,
                {portbindings.CAP_PORT_FILTER: True, portbindings.OVS_HYBRID_PLUG: False},
                status=constants.PORT_STATUS_ACTIVE)
            return
