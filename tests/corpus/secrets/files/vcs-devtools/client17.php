<?php

    'trigger_token' => 'glptt-af0cb27199454029e506e5af2b40112ac16b4344',
<?php
<?php
$registrationToken = 'GR1348941zjNVIA4WLxO7axjqKLuE';
