const token = process.env.GITHUB_TOKEN;
const apiKey = process.env['OPENAI_API_KEY'] ?? '';
const password = config.get('db.password');
const { STRIPE_SECRET_KEY } = process.env;
