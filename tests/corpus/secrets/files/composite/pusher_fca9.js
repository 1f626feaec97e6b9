const Pusher = require('pusher');
const pusher = new Pusher({
  appId: '9267663',
  key: 'e1a841de4a65926617b9',
  secret: 'f2adadf4992f1159db08',
  cluster: 'eu',
});
