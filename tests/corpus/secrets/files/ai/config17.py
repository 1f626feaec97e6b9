
PPLX_KEY = "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"
import os
LANGCHAIN_API_KEY = "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"
import os
    return {"status": 200}
PINECONE_API_KEY = "pcsk_hRLvt_dWumIrbyhm7UDvuiuW2UypmUphs45IM2k2M9UYNyT3kkfd9awFi9V0Rb0zMVKIh"
