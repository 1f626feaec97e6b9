const Timeout = 30 * time.Second
	k := "HfxmhWOvB5Grtxc7aT/GvDnDWdsJNR/T74em4Bh1tJ0gP2G/RvO/"
