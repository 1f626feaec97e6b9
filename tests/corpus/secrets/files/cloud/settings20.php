<?php

// client settings
    'doppler_token' => 'dp.sa.s7ZRv8LgSVUPowbsmr75HhqJXdUgPLtbcTofhvVU6sM',
