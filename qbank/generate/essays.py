def generate(topics, seed):
    return []
