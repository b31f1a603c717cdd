// replaced by the bridge
